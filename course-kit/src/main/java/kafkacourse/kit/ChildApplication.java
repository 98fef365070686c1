package kafkacourse.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import kafkacourse.kit.cluster.ClusterException;

/**
 * A lab's solution application running as a child JVM, for a notebook whose kernel cannot host it (a Spring Boot
 * context inside JShell). The solution sources ({@code solutions/<lab>/src/main/java}) and the lab's given code
 * ({@code labs/<lab>/src/given/java}, shared by stubs and solutions) are compiled into the lab's
 * {@code target/notebook-app/classes} against the runtime classpath Maven wrote ({@code target/runtime-classpath.txt}),
 * so it does not matter whether the lab was last built from the stubs or the solutions.
 * <pre>{@code
 * var app = ChildApplication.startSolution("lab09-spring-kafka", "kafkacourse.lab09.PaymentApplication",
 *         List.of("--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers()), "시작했습니다", Duration.ofSeconds(90));
 * ...
 * app.close();   // SIGTERM: the application shuts down and its consumers leave their group
 * }</pre>
 * The child dies with the notebook's kernel (shutdown hook); its output goes to {@code target/notebook-app/app.log}.
 */
public final class ChildApplication implements AutoCloseable {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final double startupSeconds;
    private final Thread reaper;

    private ChildApplication(Process process, Path log, double startupSeconds, Thread reaper) {
        this.process = process;
        this.log = log;
        this.startupSeconds = startupSeconds;
        this.reaper = reaper;
    }

    /**
     * Compiles the lab's solution, starts {@code mainClass} with {@code args} and returns once the application printed
     * {@code readyLine}; fails in Korean (with the end of its log) when it exits first or does not get ready in time.
     */
    public static ChildApplication startSolution(String lab, String mainClass, List<String> args, String readyLine, Duration limit) {
        Path root = courseRoot(lab);
        Path module = root.resolve("labs").resolve(lab);
        Path classpathFile = module.resolve("target/runtime-classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new ClusterException("실습 " + lab + " 의 의존성 목록(" + classpathFile + ")이 없습니다. 먼저 빌드하세요 (강좌 루트에서):\n"
                    + "  ./mvnw -q -Psolutions -pl labs/" + lab + " -am install -DskipTests");
        }
        Path work = module.resolve("target/notebook-app");
        Path classes = work.resolve("classes");
        String dependencies = read(classpathFile).strip();
        compile(List.of(root.resolve("solutions").resolve(lab).resolve("src/main/java"), module.resolve("src/given/java")),
                classes, dependencies);
        String classpath = classes + java.io.File.pathSeparator + dependencies;

        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-cp", classpath, mainClass));
        command.addAll(args);
        Path log = work.resolve("app.log");
        long started = System.nanoTime();
        Process process;
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new ClusterException("앱 프로세스를 시작하지 못했습니다: " + e.getMessage(), e);
        }
        Thread reaper = new Thread(() -> process.destroyForcibly(), "child-application-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        long deadline = started + limit.toNanos();
        while (true) {
            String output = Files.exists(log) ? read(log) : "";
            if (output.contains(readyLine)) {
                return new ChildApplication(process, log, (System.nanoTime() - started) / 1e9, reaper);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                Runtime.getRuntime().removeShutdownHook(reaper);
                String why = process.isAlive() || System.nanoTime() > deadline
                        ? limit.toSeconds() + "초 안에 준비되지 않았습니다" : "준비되기 전에 끝났습니다";
                throw new ClusterException("앱(" + mainClass + ")이 " + why + ". 로그: " + log + "\n" + tail(output, 12));
            }
            try {
                Thread.sleep(100); // polling the child's log file; the loop is bounded by the deadline above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new ClusterException("앱을 기다리다 중단되었습니다.");
            }
        }
    }

    /** Seconds from starting the JVM until the application printed its ready line. */
    public double startupSeconds() {
        return startupSeconds;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The application's output so far (the last {@code lines} lines). */
    public String logTail(int lines) {
        return tail(read(log), lines);
    }

    /** SIGTERM and wait (the application closes its consumers, which leave the group); SIGKILL after 20 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static void compile(List<Path> roots, Path classes, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ClusterException("자바 컴파일러가 없습니다(JRE 가 아니라 JDK 17 이상이 필요합니다).");
        }
        List<String> files = new ArrayList<>();
        for (Path sources : roots.stream().filter(Files::isDirectory).toList()) {
            try (Stream<Path> walk = Files.walk(sources)) {
                walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(files::add);
            } catch (IOException e) {
                throw new ClusterException("솔루션 소스를 읽지 못했습니다: " + sources, e);
            }
        }
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new ClusterException("컴파일 결과 폴더를 만들지 못했습니다: " + classes, e);
        }
        List<String> options = new ArrayList<>(List.of("-nowarn", "-encoding", "UTF-8", "--release", "17", "-parameters",
                "-cp", classpath, "-d", classes.toString()));
        options.addAll(files);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        if (javac.run(null, null, errors, options.toArray(String[]::new)) != 0) {
            throw new ClusterException("솔루션(" + roots.get(0) + ")을 컴파일하지 못했습니다:\n" + tail(errors.toString(StandardCharsets.UTF_8), 15));
        }
    }

    /** The course root: the working directory (a notebook runs in notebooks/) or one of its parents, holding labs/<lab>. */
    private static Path courseRoot(String lab) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("labs").resolve(lab).resolve("pom.xml"))) {
                return p;
            }
        }
        throw new ClusterException("강좌 폴더(labs/" + lab + " 이 있는 곳)를 찾지 못했습니다. 노트북은 강좌의 notebooks/ 폴더에서 여세요.");
    }

    private static String javaBinary() {
        Path bin = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "java.exe" : "java");
        return Files.isExecutable(bin) ? bin.toString() : "java";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
