package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in a checkout of the course: labs, the kit jar and its classpath, the Maven wrapper. */
final class CourseLayout {

    static final String KIT_JAR = "course-kit/target/course-kit-1.0.0-SNAPSHOT.jar";
    static final String KIT_CLASSPATH = "course-kit/target/runtime.classpath";

    private CourseLayout() {
    }

    /** The checkout: {@code -Dcourse.root} (set by {@link Launcher} from the kit jar's place), else the working directory. */
    static Path root() {
        return Path.of(System.getProperty("course.root", ".")).toAbsolutePath().normalize();
    }

    static Path target() {
        Path target = root().resolve("target");
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static Path notebooks() {
        return root().resolve("notebooks");
    }

    static Path kitJar() {
        return root().resolve(KIT_JAR);
    }

    /** The kit's runtime dependencies as recorded by the build (kafka-clients, picocli, ...). */
    static List<Path> kitDependencies() {
        try {
            String line = Files.readString(root().resolve(KIT_CLASSPATH), StandardCharsets.UTF_8).trim();
            return Stream.of(line.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("강좌 도구의 클래스패스 파일을 읽지 못했습니다: " + KIT_CLASSPATH
                    + " (./course setup 을 실행하세요)");
        }
    }

    /** {@code mvnw -f <root>/pom.xml <args>} (mvnw.cmd on Windows), run without a shell. */
    static List<String> maven(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve(Platform.isWindows() ? "mvnw.cmd" : "mvnw").toString());
        cmd.add("-f");
        cmd.add(root().resolve("pom.xml").toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The lab modules, sorted: {@code labs/<name>} with a pom.xml. */
    static List<Path> labDirs() {
        Path labs = root().resolve("labs");
        if (!Files.isDirectory(labs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(labs)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code lab01} or {@code lab01-pubsub} (or {@code 1}) → {@code lab01-pubsub}. */
    static String resolveLab(String want) {
        String w = want.strip().replaceAll("/+$", "");
        if (w.startsWith("labs/")) {
            w = w.substring(5);
        }
        if (w.matches("\\d{1,2}")) {
            w = String.format("lab%02d", Integer.parseInt(w));
        }
        List<String> names = labDirs().stream().map(d -> d.getFileName().toString()).toList();
        for (String name : names) {
            if (name.equals(w) || name.startsWith(w + "-")) {
                return name;
            }
        }
        throw new IllegalArgumentException("실습을 찾을 수 없습니다: " + want + " (있는 실습: " + String.join(" ", names) + ")");
    }

    /** After a {@code git pull}, the kit jar may be older than its sources: the launcher says so (it does not rebuild itself). */
    static void warnIfKitStale() {
        Path jar = kitJar();
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            List<Path> sources = new ArrayList<>(List.of(root().resolve("pom.xml"), root().resolve("course-kit/pom.xml"),
                    root().resolve("broker-runtime/pom.xml")));
            try (Stream<Path> files = Files.walk(root().resolve("course-kit/src/main"))) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            }
            for (Path source : sources) {
                if (Files.isRegularFile(source) && Files.getLastModifiedTime(source).compareTo(built) > 0) {
                    System.out.println("  (강좌 도구 소스가 빌드 후에 바뀌었습니다: " + root().relativize(source)
                            + ". 다시 빌드: ./course setup)");
                    return;
                }
            }
        } catch (IOException ignored) {
            // only a hint
        }
    }
}
