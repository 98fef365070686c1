package kafkacourse.kit.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ./course} and {@code course.cmd}: {@code java -cp course-kit.jar kafkacourse.kit.cli.Launcher}.
 * Compiled as Java 8 bytecode (see the kit's pom), so any java the bootstrap found can run it and be told in Korean
 * when it is too old. It then loads the CLI with the kit's recorded runtime classpath ({@code runtime.classpath}
 * next to the jar), so the bootstraps never handle a classpath themselves.
 */
public final class Launcher {

    static final int REQUIRED_JAVA = 17;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int feature = javaFeatureVersion();
        if (feature < REQUIRED_JAVA) {
            System.err.println("오류: Java " + REQUIRED_JAVA + " 이상(JDK)이 필요합니다. 지금 Java: " + feature
                    + " (" + System.getProperty("java.home") + ")");
            System.err.println("  JDK 17 이상을 설치하거나, JAVA_HOME 을 그 JDK로 지정한 뒤 다시 실행하세요."
                    + " (예: Debian/Ubuntu 'sudo apt-get install openjdk-17-jdk', macOS 'brew install openjdk@17')");
            System.exit(1);
        }
        Path jar = Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classpathFile = jar.resolveSibling("runtime.classpath");
        if (!Files.isRegularFile(classpathFile)) {
            System.err.println("오류: 강좌 도구의 클래스패스 파일이 없습니다: " + classpathFile);
            System.err.println("  강좌 루트에서 ./course setup 을 실행하세요.");
            System.exit(1);
        }
        if (System.getProperty("course.root") == null && jar.getParent() != null && jar.getParent().getParent() != null) {
            // <root>/course-kit/target/course-kit.jar
            System.setProperty("course.root", jar.getParent().getParent().getParent().toString());
        }
        List<URL> urls = new ArrayList<URL>();
        urls.add(jar.toUri().toURL());
        String classpath = new String(Files.readAllBytes(classpathFile), StandardCharsets.UTF_8).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        // Parent: the platform class loader, so every kit class comes from this loader together with its libraries.
        ClassLoader cli = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader().getParent());
        Thread.currentThread().setContextClassLoader(cli);
        try {
            Class.forName("kafkacourse.kit.cli.CourseCli", true, cli).getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** 8 for "1.8", 17 for "17": the specification version property, never the text of {@code java -version}. */
    static int javaFeatureVersion() {
        String spec = System.getProperty("java.specification.version", "0");
        if (spec.startsWith("1.")) {
            spec = spec.substring(2);
        }
        try {
            return Integer.parseInt(spec.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
