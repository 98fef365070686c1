package kafkacourse.kit.cli;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kafkacourse.kit.cluster.ClusterHome;

/**
 * Installs the course's Java kernel for Jupyter: rapaio-jupyter-kernel (JShell-based, from Maven Central) plus the
 * user-level kernelspec {@code kafka-course} ("Java (Kafka 강좌)") whose classpath holds the kit, its libraries and the
 * compiled lab classes. Absolute paths of this machine go into the kernelspec only, never into the notebooks.
 * Always rewritten for this checkout: a spec left by another copy would start a kernel with a dead classpath.
 */
final class KernelInstaller {

    static final String RJK_VERSION = "3.0.1";
    static final String KERNEL_NAME = "kafka-course";
    static final String DISPLAY_NAME = "Java (Kafka 강좌)";

    private static void say(String line) {
        System.out.println("[노트북 커널] " + line);
    }

    /** {@code <course home>/kernel}: the kernel jar, its patch classes and JShell's dependency cache. */
    static Path kernelLib() {
        return ClusterHome.courseHome().resolve("kernel");
    }

    /** Jupyter's per-user data directory (where user kernelspecs live), found the way Jupyter finds it. */
    static Path jupyterDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        Path home = ClusterHome.userHome();
        if (Platform.isWindows()) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("jupyter");
        }
        if (Platform.isMac()) {
            return home.resolve("Library/Jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    static Path specDir() {
        return jupyterDataDir().resolve("kernels").resolve(KERNEL_NAME);
    }

    void install() {
        Path java = Platform.java();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || !Files.isRegularFile(java.resolveSibling(Platform.isWindows() ? "jshell.exe" : "jshell"))) {
            throw new IllegalArgumentException("노트북 커널에는 JRE가 아니라 JDK 17 이상이 필요합니다(jshell, javac). 지금 Java: "
                    + System.getProperty("java.home"));
        }
        Path lib = kernelLib();
        Path rjk = lib.resolve("rapaio-jupyter-kernel-" + RJK_VERSION + ".jar");
        if (!Files.isRegularFile(rjk)) {
            download(lib, rjk);
        }
        Path patch = compilePatch(javac, lib, rjk);
        writeSpec(java, patch, rjk, lib);
    }

    /** From Maven Central through the Maven wrapper, so proxies and mirrors in settings.xml apply. */
    private static void download(Path lib, Path rjk) {
        say("rapaio-jupyter-kernel " + RJK_VERSION + " 을 내려받습니다 ...");
        Path log = CourseLayout.target().resolve("course-kernel.log");
        int rc = Processes.run(CourseLayout.maven("-q", "-N", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
                        "-Dartifact=io.github.padreati:rapaio-jupyter-kernel:" + RJK_VERSION, "-DoutputDirectory=" + lib),
                CourseLayout.root(), log, Map.of(), Duration.ofMinutes(10));
        if (rc != 0 || !Files.isRegularFile(rjk)) {
            throw new IllegalArgumentException("커널 jar 를 내려받지 못했습니다(인터넷 연결/프록시를 확인하세요). 로그: " + log);
        }
    }

    /**
     * A fixed copy of the kernel's LoopThread ({@code notebooks/kernel/patch}), compiled against the kernel jar and put
     * before it on the kernel's classpath: the original starts its channel threads with a race that leaves about one
     * kernel start in five hanging before kernel_info. Written against {@link #RJK_VERSION}; check it again when
     * changing the version.
     */
    private static Path compilePatch(JavaCompiler javac, Path lib, Path rjk) {
        Path patchDir = lib.resolve("patch-" + RJK_VERSION);
        List<String> args = new ArrayList<>(List.of("-nowarn", "-encoding", "UTF-8", "--release", "17",
                "-cp", rjk.toString(), "-d", patchDir.toString()));
        try {
            JupyterProvisioner.deleteTree(patchDir);
            Files.createDirectories(patchDir);
            try (Stream<Path> files = Files.list(CourseLayout.notebooks().resolve("kernel/patch"))) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().map(Path::toString).forEach(args::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalArgumentException("커널 보정 클래스(notebooks/kernel/patch)를 컴파일하지 못했습니다:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
        return patchDir;
    }

    private static void writeSpec(Path java, Path patch, Path rjk, Path lib) {
        // rapaio wants ';' between classpath entries: the kit jar, its libraries, the compiled lab classes.
        List<String> entries = new ArrayList<>();
        entries.add(CourseLayout.kitJar().toString());
        CourseLayout.kitDependencies().forEach(p -> entries.add(p.toString()));
        for (Path lab : CourseLayout.labDirs()) {
            Path classes = lab.resolve("target/classes");
            if (Files.isDirectory(classes)) {
                entries.add(classes.toString());
            }
        }
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("RJK_CLASSPATH", String.join(";", entries));
        env.put("RJK_INIT_SCRIPT", CourseLayout.notebooks().resolve("kernel/init.jshell").toString());
        env.put("RJK_COMPILER_OPTIONS", "");
        env.put("RJK_TIMEOUT_MILLIS", "-1");
        env.put("RJK_MIMA_CACHE", lib.resolve("mima_cache").toString());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(java.toString(), "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", patch + File.pathSeparator + rjk, "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", env);
        spec.put("metadata", Map.of("course", KERNEL_NAME, "course_root", CourseLayout.root().toString(),
                "course_home", ClusterHome.courseHome().toString()));
        Path dir = specDir();
        try {
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("kernel.json").toFile(), spec);
            Path logo = CourseLayout.notebooks().resolve("kernel/logo-64x64.png");
            if (Files.isRegularFile(logo)) {
                Files.copy(logo, dir.resolve("logo-64x64.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("kernelspec 을 쓰지 못했습니다: " + dir + " (" + e.getMessage() + ")");
        }
        say("커널을 설치했습니다: \"" + DISPLAY_NAME + "\" (" + dir.resolve("kernel.json") + ")");
        say("  클래스패스 항목 " + entries.size() + "개 (course-kit, kafka-clients, 실습 클래스)");
    }
}
