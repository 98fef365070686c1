package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Entry point of every JVM the kit starts next to the real Kafka classes. JDK-only on purpose: it runs with the
 * broker classpath, reaching Kafka by reflection.
 *
 * <ul>
 *   <li>{@code format <clusterId> <server.properties>...} formats the storage of each node (Kafka's StorageTool).</li>
 *   <li>{@code run <ownerPid> <server.properties>} runs a broker that halts as soon as its owner JVM is gone, so a
 *       test JVM that is SIGKILLed leaves no broker behind ({@code ownerPid = 0}: a detached interactive cluster).
 *       A broker started to record its classes for the CDS archive ({@link BrokerCds}) starts the dump helper once it
 *       runs.</li>
 *   <li>{@code cds-dump <classlist> <archive>} (the dump helper, a JVM of its own that outlives the broker): dumps,
 *       checks and renames the archive into place.</li>
 * </ul>
 * Only this class is in the launcher jar: no nested or anonymous classes here (lambdas are fine).
 */
public final class BrokerMain {

    /** System property: the format command reads more StorageTool arguments (one a line) from standard input. */
    static final String EXTRA_ARGS_ON_STDIN = "course.format.stdinArgs";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "format" -> format(args[1], Arrays.copyOfRange(args, 2, args.length));
            case "run" -> run(Long.parseLong(args[1]), args[2]);
            case "cds-dump" -> cdsDump(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        }
    }

    private static void format(String clusterId, String[] configFiles) throws Exception {
        Method execute = Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class);
        java.util.List<String> extra = new java.util.ArrayList<>();
        if (Boolean.getBoolean(EXTRA_ARGS_ON_STDIN)) {
            // e.g. --add-scram / SCRAM-SHA-512=[name=admin,password=...]: kept off the command line.
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .lines().filter(l -> !l.isBlank()).forEach(extra::add);
        }
        for (String config : configFiles) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("format", "-t", clusterId, "-c", config));
            args.addAll(extra);
            int rc = (int) execute.invoke(null, args.toArray(String[]::new), System.out);
            if (rc != 0) {
                System.exit(rc);
            }
        }
        System.exit(0);
    }

    private static void run(long ownerPid, String configFile) throws Exception {
        if (ownerPid > 0) {
            Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
            if (owner.isEmpty()) {
                Runtime.getRuntime().halt(3);
            }
            owner.get().onExit().thenRun(() -> {
                System.out.println("owner JVM " + ownerPid + " is gone: halting this broker");
                Runtime.getRuntime().halt(0);
            });
        } else {
            ignoreTerminalSignals();
        }
        if (System.getProperty(CDS_LIST) != null) {
            dumpArchiveOnceRunning(Path.of(System.getProperty(CDS_LIST)), Path.of(System.getProperty(CDS_ARCHIVE)),
                    System.getProperty(CDS_LAUNCHER));
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] {configFile});
    }

    /**
     * A detached course cluster outlives the terminal that started it: Ctrl+C (e.g. stopping Jupyter in
     * {@code ./course start}) and closing the terminal reach every process of its group, brokers included.
     * {@code ./course cluster down} stops the brokers with SIGTERM, which stays handled.
     */
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException noSuchSignal) {
                // Windows has no SIGHUP
            }
        }
    }

    // ------------------------------------------------------------------------------------------- CDS archive

    /** System properties of a broker that records its classes (set by {@link BrokerCds}). */
    static final String CDS_LIST = "course.cds.classlist";
    static final String CDS_ARCHIVE = "course.cds.archive";
    static final String CDS_LAUNCHER = "course.cds.launcher";

    /** Once this broker runs (its start-up classes are in the list) and 5 s more, start the detached dump helper. */
    private static void dumpArchiveOnceRunning(Path list, Path archive, String launcherJar) {
        Thread t = new Thread(() -> {
            try {
                MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
                ObjectName brokerState = new ObjectName("kafka.server:type=KafkaServer,name=BrokerState");
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (true) {
                    try {
                        if (mbeans.getAttribute(brokerState, "Value") instanceof Number n && n.intValue() == 3) { // RUNNING
                            break;
                        }
                    } catch (InstanceNotFoundException notYet) {
                        // the broker registers its metrics while it starts
                    }
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    Thread.sleep(500);
                }
                Thread.sleep(5000);
                new ProcessBuilder(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                        "-cp", launcherJar, BrokerMain.class.getName(), "cds-dump", list.toString(), archive.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dumpLog(archive).toFile()))
                        .start();
            } catch (Exception e) {
                // no archive this time: the claim expires and a later start records again
            }
        }, "course-cds-archive");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The dump helper: a static archive from the recorded class list, made under a temporary name, checked by starting
     * a JVM with it ({@code -Xshare:on} fails on a bad one), its size recorded, then renamed into place. The
     * brokers use it from their next start. Older archives beyond the newest {@value #KEEP_ARCHIVES} are deleted.
     */
    private static void cdsDump(Path recordedList, Path archive) {
        Path dir = archive.getParent();
        String base = archive.getFileName().toString().replace(".jsa", "");
        Path tmpArchive = dir.resolve(base + "." + ProcessHandle.current().pid() + ".jsa.tmp");
        try {
            Path list = dir.resolve(base + ".classlist");
            byte[] recorded = Files.readAllBytes(recordedList);
            int end = recorded.length;
            while (end > 0 && recorded[end - 1] != '\n') {
                end--; // the broker may have been writing a line
            }
            writeAtomically(list, Arrays.copyOf(recorded, end));
            List<String> java = List.of(javaBinary(), "@" + cdsJvmArguments(archive));
            List<String> dump = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                dump.addAll(List.of("/usr/bin/nice", "-n", "10")); // yield the CPU to brokers and learners
            }
            dump.addAll(java);
            dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + tmpArchive));
            List<String> check = new ArrayList<>(java);
            check.addAll(List.of("-Xshare:on", "-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=" + tmpArchive, "-version"));
            if (runQuietly(dump) != 0 || runQuietly(check) != 0) {
                throw new IOException("dump or check failed: see " + dumpLog(archive));
            }
            writeAtomically(cdsSizeFile(archive), Long.toString(Files.size(tmpArchive)).getBytes(StandardCharsets.UTF_8));
            Files.move(tmpArchive, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("CDS archive written: " + archive);
            pruneArchives(dir, archive);
        } catch (Exception e) {
            System.out.println("CDS archive not written: " + e);
            try {
                Files.writeString(cdsFailedFile(archive), String.valueOf(e));
            } catch (IOException ignored) {
                // nothing more to do
            }
        } finally {
            try {
                Files.deleteIfExists(tmpArchive);
                Files.deleteIfExists(recordedList);
                Files.deleteIfExists(cdsClaimFile(archive));
            } catch (IOException ignored) {
                // leftovers are harmless
            }
        }
        System.exit(0);
    }

    static final int KEEP_ARCHIVES = 3;

    private static void pruneArchives(Path dir, Path current) throws IOException {
        List<Path> archives;
        try (var files = Files.list(dir)) {
            archives = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList());
        }
        archives.remove(current);
        archives.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        for (Path old : archives.subList(Math.min(archives.size(), KEEP_ARCHIVES - 1), archives.size())) {
            String base = old.getFileName().toString().replace(".jsa", "");
            try {
                Files.deleteIfExists(cdsSizeFile(old)); // first: a size file without its archive is never trusted
                Files.deleteIfExists(old);
                for (String suffix : List.of(".classlist", ".jvm-args", ".dump.log", ".failed")) {
                    Files.deleteIfExists(dir.resolve(base + suffix));
                }
            } catch (IOException inUse) {
                // e.g. mapped by a running broker on Windows: next time
            }
        }
    }

    private static int runQuietly(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path cdsSizeFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".size");
    }

    static Path cdsClaimFile(Path archive) {
        return sibling(archive, ".recording");
    }

    static Path cdsFailedFile(Path archive) {
        return sibling(archive, ".failed");
    }

    /** A java argument file: the brokers' JVM options and classpath, so that the dump matches the brokers. */
    static Path cdsJvmArguments(Path archive) {
        return sibling(archive, ".jvm-args");
    }

    private static Path dumpLog(Path archive) {
        return sibling(archive, ".dump.log");
    }

    private static Path sibling(Path archive, String suffix) {
        return archive.resolveSibling(archive.getFileName().toString().replace(".jsa", "") + suffix);
    }
}
