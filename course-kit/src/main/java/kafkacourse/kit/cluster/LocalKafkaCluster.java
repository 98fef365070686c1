package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster on this machine: each KRaft node (broker + controller) is its own JVM running the Apache
 * Kafka broker from Maven Central, listening on 127.0.0.1 only. Started by a test JVM (owned: it dies with that JVM,
 * even on SIGKILL) or by {@code ./course cluster up} (detached: it runs until {@code ./course cluster down}).
 */
public final class LocalKafkaCluster extends AdminBackedCluster {

    private static final int BIND_RETRIES = 3;

    private final Path home;
    private final ClusterState state;
    private final boolean owned;
    private final ChildProcessBrokerControl processes;

    private LocalKafkaCluster(Path home, ClusterState state, boolean owned, Duration startTimeout) {
        this(home, state, owned, startTimeout, new ChildProcessBrokerControl(home, state, startTimeout));
    }

    private LocalKafkaCluster(Path home, ClusterState state, boolean owned, Duration startTimeout, ChildProcessBrokerControl processes) {
        super(clientProperties(home, state), null, state.nodes().stream().map(NodeSpec::id).toList(), Optional.of(processes), startTimeout);
        this.home = home;
        this.state = state;
        this.owned = owned;
        this.processes = processes;
    }

    // ---------------------------------------------------------------------------------------------- start / attach

    /**
     * Start a cluster as described. Brokers left in {@code home} by a JVM that died are reaped first. Fails within
     * {@code startTimeout} with a Korean message naming the broker log, never hangs.
     */
    public static LocalKafkaCluster start(ClusterOptions options) {
        return start(options, options.detached() ? 0 : ProcessHandle.current().pid(), !options.detached());
    }

    /**
     * Start a cluster whose brokers halt when process {@code ownerPid} ends (e.g. the Maven JVM of a build), not when
     * this JVM does: closing the returned cluster leaves it running for the owner's other JVMs.
     */
    static LocalKafkaCluster startOwnedBy(ClusterOptions options, long ownerPid) {
        return start(options, ownerPid, false);
    }

    private static LocalKafkaCluster start(ClusterOptions options, long ownerPid, boolean owned) {
        ClusterDirectory.prepare(options.home());
        ClusterDirectory.reapLeftovers(options.home());
        if (!options.detached()) {
            ClusterDirectory.wipeNodes(options.home()); // a test cluster is disposable: every run starts from empty brokers
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(options, ownerPid, owned);
            } catch (ChildProcessBrokerControl.PortConflict conflict) {
                if (options.basePort() != 0 || attempt == BIND_RETRIES) {
                    throw new ClusterException(conflict.getMessage());
                }
                // Free ports were chosen, then taken by someone else before the broker bound them: choose again.
            }
        }
    }

    /** The cluster running in {@code home} (e.g. started by {@code ./course cluster up}), if it is up and answering. */
    public static Optional<LocalKafkaCluster> attach(Path home) {
        Optional<LocalKafkaCluster> existing = existing(home);
        if (existing.isEmpty() || existing.get().runningNodes().size() != existing.get().nodeIds().size()) {
            return Optional.empty();
        }
        LocalKafkaCluster cluster = existing.get();
        try {
            // 15 s: a cold Admin client on a busy 2-core machine took 5.7 s to its first answer (measured)
            cluster.admin().describeCluster().nodes().get(15, TimeUnit.SECONDS);
            return Optional.of(cluster);
        } catch (Exception e) {
            cluster.closeAdmin();
            return Optional.empty();
        }
    }

    /**
     * Wipe the cluster in {@code home} for a clean slate: running nodes are stopped, then every node's data, logs
     * and the state file are deleted. The next start formats new storage (a new cluster id, no topics, no groups).
     */
    public static void wipe(Path home) {
        if (!Files.isDirectory(home)) {
            return;
        }
        existing(home).ifPresent(LocalKafkaCluster::shutdown);
        ClusterDirectory.wipeNodes(home);
        try {
            Files.deleteIfExists(home.resolve(ClusterState.FILE));
        } catch (IOException e) {
            throw new ClusterException("클러스터 상태 파일을 지울 수 없습니다: " + home.resolve(ClusterState.FILE), e);
        }
    }

    /** The cluster described by {@code home}'s state file, running or not (to restart or inspect its nodes). */
    public static Optional<LocalKafkaCluster> existing(Path home) {
        return ClusterState.read(home).map(state -> new LocalKafkaCluster(home, state, false, Duration.ofSeconds(60)));
    }

    private static LocalKafkaCluster startOnce(ClusterOptions options, long ownerPid, boolean owned) {
        StartPhases phases = new StartPhases();
        Path home = options.home();
        List<NodeSpec> nodes = layout(options);
        Optional<ClusterState> previous = ClusterState.read(home);
        boolean formatted = nodes.stream().allMatch(n -> Files.exists(n.dataDir().resolve("meta.properties")));
        String clusterId = formatted && previous.isPresent() ? previous.get().clusterId() : Uuid.randomUuid().toString();
        ClusterState state = new ClusterState(clusterId, ownerPid, nodes);

        ClusterDirectory.writeConfigs(home, nodes, options.brokerOverrides());
        state.write(home);
        phases.done("설정·상태 파일");
        if (!formatted) {
            ClusterDirectory.format(home, clusterId, nodes);
            phases.done("저장소 포맷(JVM 1개, 노드 " + nodes.size() + "개)");
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(home, state, owned, options.startTimeout());
        try {
            List<Long> logOffsets = nodes.stream().map(cluster.processes::launch).toList();
            phases.done("브로커 JVM " + nodes.size() + "개 실행");
            // The Admin client is made only after every node logged that it started, never while they start: a client
            // that keeps reconnecting to a port nobody listens on yet can, on loopback, be handed that very port as its
            // own source port (TCP self-connect), and the broker that should listen there then fails to bind. With an early
            // Admin client (tried: it saved 0.9 s) a ReuseTest broker died 1.2 s into its start in a CI run; this is the
            // likely cause, so the saving is not worth it.
            for (int i = 0; i < nodes.size(); i++) {
                cluster.processes.awaitStarted(nodes.get(i), logOffsets.get(i));
                phases.done("노드 " + nodes.get(i).id() + " 로그에 '" + ChildProcessBrokerControl.STARTED_MARKER + "'");
            }
            cluster.awaitAllBrokersReady();
            phases.done("Admin 이 브로커 " + nodes.size() + "개를 봄");
            phases.print();
            return cluster;
        } catch (RuntimeException e) {
            cluster.processes.killAll();
            throw e;
        }
    }

    /**
     * Where the seconds of a start go, printed when {@code -Dcourse.cluster.timings=true} (or {@code COURSE_TIMINGS=1}):
     * the measurement behind docs-ko/cluster-settings.md. Each phase's time is counted from the end of the one before.
     */
    private static final class StartPhases {
        private final boolean on = Boolean.getBoolean("course.cluster.timings") || "1".equals(System.getenv("COURSE_TIMINGS"));
        private final long t0 = System.nanoTime();
        private long last = t0;
        private final StringBuilder lines = new StringBuilder();

        void done(String phase) {
            long now = System.nanoTime();
            lines.append(String.format("  %-44s %6.2f초 (누적 %6.2f초)%n", phase, (now - last) / 1e9, (now - t0) / 1e9));
            last = now;
        }

        void print() {
            if (on) {
                System.out.print("[시작 단계별 시간]\n" + lines);
            }
        }
    }

    private static List<NodeSpec> layout(ClusterOptions options) {
        List<Integer> ports = options.basePort() == 0 ? LoopbackPorts.free(2 * options.nodes()) : null;
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            int id = i + 1;
            int brokerPort = ports != null ? ports.get(2 * i) : options.basePort() + i;
            int controllerPort = ports != null ? ports.get(2 * i + 1) : options.basePort() + 10 + i;
            nodes.add(new NodeSpec(id, brokerPort, controllerPort, options.home().resolve("node-" + id)));
        }
        return nodes;
    }

    // ------------------------------------------------------------------------------------------- KafkaCluster API

    @Override
    public String bootstrapServers() {
        return bootstrapServers(state);
    }

    private static String bootstrapServers(ClusterState state) {
        return state.nodes().stream().map(NodeSpec::brokerAddress).collect(Collectors.joining(","));
    }

    /** Plain client settings, or the instructor's login when this is a secure cluster ({@code cluster up --secure}). */
    private static Properties clientProperties(Path home, ClusterState state) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(state));
        p.putAll(SecureClusterConfig.instructorClient(home));
        return p;
    }

    @Override
    public boolean isDisposable() {
        return owned;
    }

    @Override
    RuntimeException noBrokerControl(String what, int nodeId) {
        throw new IllegalStateException("a local cluster always controls its brokers"); // unreachable: control is always present
    }

    @Override
    String whereToLookWithoutControl() {
        return processes.howToCheckAll();
    }

    @Override
    public Path logFile(int nodeId) {
        requireNode(nodeId);
        return processes.node(nodeId).logFile();
    }

    ClusterState state() {
        return state;
    }

    /** The directory holding this cluster's nodes, configs and logs. */
    public Path home() {
        return home;
    }

    /** Stop this cluster for good: graceful stop of every node (used by {@code ./course cluster down}). */
    public void shutdown() {
        closeAdmin();
        processes.stopAll();
    }

    /** SIGKILL every node (a build's cluster after its owner died, or a failed start). */
    void killAll() {
        processes.killAll();
    }

    @Override
    public void close() {
        closeAdmin();
        if (owned) {
            // A test cluster's data is thrown away: SIGKILL is fast and leaves nothing behind.
            processes.killAll();
        }
    }
}
