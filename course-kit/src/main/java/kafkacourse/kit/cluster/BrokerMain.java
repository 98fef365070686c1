package kafkacourse.kit.cluster;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of every JVM the kit starts next to the real Kafka classes. JDK-only on purpose: it runs with the
 * broker classpath, reaching Kafka by reflection.
 *
 * <ul>
 *   <li>{@code format <clusterId> <server.properties>...} formats the storage of each node (Kafka's StorageTool).</li>
 *   <li>{@code run <ownerPid> <server.properties>} runs a broker that halts as soon as its owner JVM is gone, so a
 *       test JVM that is SIGKILLed leaves no broker behind ({@code ownerPid = 0}: a detached interactive cluster).</li>
 * </ul>
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
}
