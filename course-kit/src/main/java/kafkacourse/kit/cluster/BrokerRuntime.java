package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to launch a JVM with the real Kafka broker classes: the java binary, the broker classpath recorded by the
 * broker-runtime module at build time, and this kit's own location (for {@link BrokerMain}).
 */
final class BrokerRuntime {

    /** JVM options of every broker JVM. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m",
            // Small, fast-starting JVMs: serial GC, C1 only (a course cluster needs start-up, not peak speed).
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");

    private static final String CLASSPATH_RESOURCE = "kafkacourse/broker.classpath";

    private BrokerRuntime() {
    }

    /**
     * {@code java <jvmOptions> <CDS options> @<home>/broker.classpath.args BrokerMain <args>}. The long classpath goes
     * into a java argument file, so the command line stays short and readable in {@code ps} (and fully visible to
     * {@link ProcessHandle.Info}, which gives up on command lines longer than a page). {@link BrokerMain} is in a
     * small launcher jar of its own (see {@link BrokerCds#launcherJar}), so rebuilding the kit never pulls the class
     * out from under a running cluster, and the classpath holds jars only (JDK 17's CDS refuses a directory on it).
     */
    static List<String> javaCommand(Path home, List<String> jvmOptions, String... mainAndArgs) {
        return javaCommand(home, jvmOptions, false, mainAndArgs);
    }

    private static List<String> javaCommand(Path home, List<String> jvmOptions, boolean mayRecordCds, String... mainAndArgs) {
        Path argFile = home.resolve("broker.classpath.args");
        Path launcher;
        String classpath;
        try {
            launcher = launcherJar(home);
            classpath = launcher + java.io.File.pathSeparator + brokerClasspath();
            writeIfChanged(argFile, ("-cp " + BrokerCds.quoted(classpath) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ClusterException("브로커 실행 준비 파일을 쓸 수 없습니다: " + home, e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(BrokerCds.options(launcher, classpath, JVM_OPTIONS, mayRecordCds));
        cmd.add("@" + argFile);
        cmd.add(BrokerMain.class.getName());
        cmd.addAll(List.of(mainAndArgs));
        return cmd;
    }

    /** The launcher jar: in the shared CDS directory (one classpath for all clusters: one archive), else in {@code home}. */
    private static Path launcherJar(Path home) throws IOException {
        String classFile = BrokerMain.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = BrokerMain.class.getClassLoader().getResourceAsStream(classFile)) {
            bytes = in.readAllBytes();
        }
        if (BrokerCds.enabled()) {
            try {
                return BrokerCds.launcherJar(BrokerCds.dir(), classFile, bytes);
            } catch (IOException | RuntimeException e) {
                // the course home cannot be written: no shared archive, the cluster's own launcher jar
            }
        }
        return BrokerCds.launcherJar(home.resolve("launcher"), classFile, bytes);
    }

    /**
     * A detached course cluster outlives the terminal that started it: Ctrl+C (e.g. stopping Jupyter in
     * {@code ./course start}) and closing the terminal signal the whole process group, so on Linux its brokers run in
     * their own session through util-linux {@code setsid} (which execs the java in place: the pid stays the broker's).
     */
    static List<String> inOwnSession(List<String> command) {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> cmd = new ArrayList<>(List.of(setsid));
                cmd.addAll(command);
                return cmd;
            }
        }
        return command;
    }

    /**
     * The command of one broker JVM of the cluster in {@code home}: the broker JVM options, the cluster's log4j2
     * configuration writing the node's rolling {@code broker.log}, {@link BrokerMain} watching {@code ownerPid}, and
     * the shared CDS archive (or, while there is none, the options that record one: {@link BrokerCds}).
     */
    static List<String> brokerCommand(Path home, NodeSpec node, long ownerPid) {
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-Dlog4j2.configurationFile=" + home.resolve("broker-log4j2.properties"));
        jvm.add("-Dcourse.broker.log=" + node.logFile());
        return javaCommand(home, jvm, true, "run", Long.toString(ownerPid), node.configFile().toString());
    }

    /**
     * Brokers are launched one after another while earlier ones still read these files: a file is replaced only
     * when its content changes, and then atomically (a JVM that opened the old file keeps reading the old one).
     */
    private static void writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String brokerClasspath() {
        try (InputStream in = BrokerRuntime.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new ClusterException("""
                        Kafka 브로커 실행 파일 목록(%s)을 찾을 수 없습니다.
                          해결: 강좌 루트에서 `./course setup`(또는 `./mvnw install -DskipTests`)을 먼저 실행하세요."""
                        .formatted(CLASSPATH_RESOURCE));
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new ClusterException("""
                            Kafka 브로커 jar 파일이 없습니다: %s
                              해결: `./course setup`(또는 `./mvnw install -DskipTests`)으로 다시 내려받으세요."""
                            .formatted(jar));
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new ClusterException("Kafka 브로커 실행 파일 목록을 읽지 못했습니다.", e);
        }
    }
}
