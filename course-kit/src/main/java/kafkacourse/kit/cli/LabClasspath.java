package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A lab's classpaths as Maven resolves them, asked of Maven once and kept in {@code labs/<lab>/target/course-grading/
 * classpath.properties}: the compile classpath of the learner's code (compile, provided and system scopes) and the
 * test classpath (every scope). The file is trusted only while the poms it came from are unchanged (their SHA-256 is
 * stored with it) and every jar it names is still there. Lets {@code ./course grade} compile and run a lab without
 * starting Maven ({@link FastGrading}).
 */
record LabClasspath(List<Path> compile, List<Path> test) {

    static final String FILE = "target/course-grading/classpath.properties";

    /**
     * One line of {@code dependency:list -DoutputAbsoluteArtifactFilename=true}:
     * {@code group:artifact:type[:classifier]:version:scope:/abs/file.jar[ -- module name]}.
     */
    private static final Pattern LISTED = Pattern.compile(
            "^\\s*([^:\\s]+):([^:\\s]+):[^:\\s]+(?::[^:\\s]+)?:([^:\\s]+):(compile|provided|runtime|test|system):(.+?)(\\s+--\\s+module\\s.*)?$");
    private static final Set<String> COMPILE_SCOPES = Set.of("compile", "provided", "system");

    /** The cached classpaths of {@code lab}, if they are still valid. */
    static Optional<LabClasspath> cached(Path root, String lab) {
        Path file = root.resolve("labs").resolve(lab).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!pomKey(root, lab).equals(p.getProperty("poms"))) {
            return Optional.empty();
        }
        LabClasspath cp = new LabClasspath(split(p.getProperty("compile", "")), split(p.getProperty("test", "")));
        boolean complete = !cp.test().isEmpty() && Stream.concat(cp.compile().stream(), cp.test().stream()).allMatch(Files::exists);
        return complete ? Optional.of(cp) : Optional.empty();
    }

    /**
     * Asks Maven for the dependencies of {@code labs} (one Maven run, offline first) and caches what it answered.
     * Returns the labs whose classpaths could be resolved; Maven's output goes to {@code log}.
     */
    static Map<String, LabClasspath> resolve(Path root, List<String> labs, Path log) {
        Map<String, LabClasspath> resolved = new LinkedHashMap<>();
        if (labs.isEmpty()) {
            return resolved;
        }
        String modules = String.join(",", labs.stream().map(l -> "labs/" + l).toList());
        for (boolean offline : new boolean[] {true, false}) {
            List<String> args = new ArrayList<>();
            if (offline) {
                args.add("-o");
            }
            args.addAll(List.of("-q", "-B", "-Dstyle.color=never", "-fae", "dependency:list", "-pl", modules,
                    "-DincludeScope=test", "-Dmdep.includeScope=test", "-DoutputAbsoluteArtifactFilename=true",
                    "-DoutputScope=true", "-Dmdep.outputScope=true", "-DappendOutput=false",
                    "-DoutputFile=target/course-grading/dependencies.txt", "-Dmdep.outputFile=target/course-grading/dependencies.txt"));
            for (String lab : labs) {
                try {
                    Files.deleteIfExists(root.resolve("labs").resolve(lab).resolve("target/course-grading/dependencies.txt"));
                } catch (IOException ignored) {
                    // Maven writes it anew
                }
            }
            Processes.run(CourseLayout.maven(args.toArray(String[]::new)), root, log, Map.of(), Duration.ofMinutes(10));
            for (String lab : labs) {
                if (!resolved.containsKey(lab)) {
                    fromListing(root, lab).ifPresent(cp -> resolved.put(lab, cp));
                }
            }
            if (resolved.size() == labs.size()) {
                break;
            }
        }
        return resolved;
    }

    /** Reads Maven's listing of one lab and writes the cache file; empty when Maven did not list it. */
    private static Optional<LabClasspath> fromListing(Path root, String lab) {
        Path labDir = root.resolve("labs").resolve(lab);
        Path listing = labDir.resolve("target/course-grading/dependencies.txt");
        if (!Files.isRegularFile(listing)) {
            return Optional.empty();
        }
        try {
            List<Path> compile = new ArrayList<>();
            List<Path> test = new ArrayList<>();
            for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                Matcher m = LISTED.matcher(line.replaceAll("\u001B\\[[0-9;]*m", ""));
                if (!m.matches()) {
                    continue;
                }
                Path jar = checkoutJar(root, m.group(1), m.group(2), m.group(3)).orElse(Path.of(m.group(5).strip()));
                test.add(jar);
                if (COMPILE_SCOPES.contains(m.group(4))) {
                    compile.add(jar);
                }
            }
            if (test.isEmpty()) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.setProperty("poms", pomKey(root, lab));
            p.setProperty("compile", join(compile));
            p.setProperty("test", join(test));
            Path file = labDir.resolve(FILE);
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "./course grade: classpaths of " + lab + " as Maven resolved them (rewritten when a pom changes)");
            }
            return Optional.of(new LabClasspath(compile, test));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The course's own modules (the kit, the broker runtime) as this checkout built them, not the copies installed
     * in the Maven repository: the graded tests run with the same kit as the {@code ./course} that runs them.
     */
    private static Optional<Path> checkoutJar(Path root, String group, String artifact, String version) {
        if (!"kr.kafkacourse".equals(group)) {
            return Optional.empty();
        }
        Path jar = root.resolve(artifact).resolve("target").resolve(artifact + "-" + version + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** SHA-256 of every pom that decides a lab's dependencies. */
    static String pomKey(Path root, String lab) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path pom : List.of(root.resolve("pom.xml"), root.resolve("labs/pom.xml"), root.resolve("labs").resolve(lab).resolve("pom.xml"),
                    root.resolve("course-kit/pom.xml"), root.resolve("broker-runtime/pom.xml"), root.resolve("compare-runtime/pom.xml"))) {
                sha.update(pom.toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(pom)) {
                    sha.update(Files.readAllBytes(pom));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> split(String joined) {
        return Stream.of(joined.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
