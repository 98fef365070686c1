package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster on this machine: each KRaft node (broker + controller) is its own JVM running the Apache
 * Kafka broker from Maven Central, listening on 127.0.0.1 only. Started by a test JVM (owned: it dies with that JVM,
 * even on SIGKILL) or by {@code ./course cluster up} (detached: it runs until {@code ./course cluster down}).
 */
public final class LocalKafkaCluster implements KafkaCluster {

    private static final String STARTED_MARKER = "Kafka Server started";
    private static final int BIND_RETRIES = 3;

    private final Path home;
    private final ClusterState state;
    private final boolean owned;
    private final Duration startTimeout;
    private volatile Admin admin;

    private LocalKafkaCluster(Path home, ClusterState state, boolean owned, Duration startTimeout) {
        this.home = home;
        this.state = state;
        this.owned = owned;
        this.startTimeout = startTimeout;
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
            } catch (PortConflict conflict) {
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
            List<Long> logOffsets = nodes.stream().map(n -> cluster.launch(n)).toList();
            phases.done("브로커 JVM " + nodes.size() + "개 실행");
            // The Admin client is made only after every node logged that it started, never while they start: a client
            // that keeps reconnecting to a port nobody listens on yet can, on loopback, be handed that very port as its
            // own source port (TCP self-connect), and the broker that should listen there then fails to bind. With an early
            // Admin client (tried: it saved 0.9 s) a ReuseTest broker died 1.2 s into its start in a CI run; this is the
            // likely cause, so the saving is not worth it.
            for (int i = 0; i < nodes.size(); i++) {
                cluster.awaitStarted(nodes.get(i), logOffsets.get(i));
                phases.done("노드 " + nodes.get(i).id() + " 로그에 '" + STARTED_MARKER + "'");
            }
            cluster.awaitAllBrokersReady();
            phases.done("Admin 이 브로커 " + nodes.size() + "개를 봄");
            phases.print();
            return cluster;
        } catch (RuntimeException e) {
            cluster.killAll();
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

    // ------------------------------------------------------------------------------------------------- processes

    /** Launch a node's JVM and record its pid; returns the log length before launch (where to look for "started"). */
    private long launch(NodeSpec node) {
        try {
            long offset = BrokerLog.length(node.logFile());
            // The watchdog can be switched off only by the kit's own tests, to prove that leftovers are reaped.
            long watchedOwner = Boolean.parseBoolean(System.getProperty("course.cluster.watchdog", "true")) ? state.ownerPid() : 0;
            List<String> command = BrokerRuntime.brokerCommand(home, node, watchedOwner);
            Process p = new ProcessBuilder(state.ownerPid() == 0 ? BrokerRuntime.inOwnSession(command) : command)
                    .redirectErrorStream(true)
                    .redirectOutput(node.consoleFile().toFile()) // small: log4j writes the broker log itself
                    .start();
            Files.writeString(node.pidFile(), Long.toString(p.pid()));
            return offset;
        } catch (IOException e) {
            throw new ClusterException("브로커 " + node.id() + " 프로세스를 시작할 수 없습니다.", e);
        }
    }

    private void awaitStarted(NodeSpec node, long logOffset) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        BrokerLog.Watch watch = new BrokerLog.Watch(node.logFile(), logOffset);
        while (true) {
            if (watch.saw(STARTED_MARKER)) {
                return;
            }
            if (ClusterState.runningBroker(node).isEmpty()) {
                throw startFailure(node, logOffset, "브로커 " + node.id() + " 프로세스가 시작 중에 종료되었습니다.");
            }
            if (System.nanoTime() > deadline) {
                throw startFailure(node, logOffset, "브로커 " + node.id() + " 이(가) " + startTimeout.toSeconds() + "초 안에 준비되지 않았습니다.");
            }
            pause(50);
        }
    }

    private RuntimeException startFailure(NodeSpec node, long logOffset, String what) {
        String log = BrokerLog.since(node.logFile(), logOffset) + BrokerLog.since(node.consoleFile(), 0);
        if (log.contains("Address already in use") || log.contains("BindException")) {
            return new PortConflict("""
                    %s 포트 %d 또는 %d 을(를) 다른 프로그램이 이미 사용 중입니다.
                      해결: 그 프로그램을 종료하거나 다른 기준 포트를 쓰세요(예: ./course cluster up --port 29092).
                      브로커 로그: %s""".formatted(what, node.brokerPort(), node.controllerPort(), node.logFile()));
        }
        String console = BrokerLog.since(node.consoleFile(), 0).isBlank() ? ""
                : "\n  JVM 출력(%s) 마지막 부분:\n%s".formatted(node.consoleFile(), BrokerLog.tail(node.consoleFile(), 6));
        return new ClusterException("""
                %s
                  브로커 로그: %s
                  로그 마지막 부분:
                %s%s""".formatted(what, node.logFile(), BrokerLog.tail(node.logFile(), 12), console));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("클러스터 대기 중 중단되었습니다.");
        }
    }

    private NodeSpec node(int nodeId) {
        return state.nodes().stream().filter(n -> n.id() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("이 클러스터에 없는 노드 번호입니다: " + nodeId + " (있는 노드: " + nodeIds() + ")"));
    }

    void killAll() {
        state.nodes().forEach(n -> ClusterState.runningBroker(n).ifPresent(ProcessHandle::destroyForcibly));
        state.nodes().forEach(n -> ClusterState.runningBroker(n).ifPresent(h -> h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join()));
    }

    // ------------------------------------------------------------------------------------------- KafkaCluster API

    @Override
    public String bootstrapServers() {
        return state.nodes().stream().map(NodeSpec::brokerAddress).collect(Collectors.joining(","));
    }

    @Override
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.putAll(SecureClusterConfig.instructorClient(home)); // a secure cluster (cluster up --secure): the instructor logs in
        return p;
    }

    @Override
    public Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties p = clientProperties();
                    AdminSupport.tuneAdmin(p);
                    admin = Admin.create(p);
                }
            }
        }
        return admin;
    }

    @Override
    public List<Integer> nodeIds() {
        return state.nodes().stream().map(NodeSpec::id).toList();
    }

    @Override
    public Set<Integer> runningNodes() {
        return state.nodes().stream().filter(n -> ClusterState.runningBroker(n).isPresent()).map(NodeSpec::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public boolean canControlBrokers() {
        return true;
    }

    @Override
    public boolean isDisposable() {
        return owned;
    }

    @Override
    public void kill(int nodeId) {
        NodeSpec node = node(nodeId);
        ClusterState.runningBroker(node).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        });
    }

    @Override
    public void stop(int nodeId) {
        NodeSpec node = node(nodeId);
        ClusterState.runningBroker(node).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Controlled shutdown can wait forever when the controller quorum is lost: do not hang the learner.
                System.err.println("[강좌 클러스터] 브로커 " + nodeId + " 이(가) 30초 안에 정상 종료되지 않아 강제 종료합니다.");
                h.destroyForcibly();
                h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void start(int nodeId) {
        NodeSpec node = node(nodeId);
        if (ClusterState.runningBroker(node).isPresent()) {
            return;
        }
        long offset = launch(node);
        awaitStarted(node, offset);
    }

    @Override
    public void restoreAllNodes() {
        for (NodeSpec node : state.nodes()) {
            start(node.id());
        }
        awaitAllBrokersReady();
    }

    @Override
    public void awaitAllBrokersReady() {
        AdminSupport.awaitBrokers(admin(), new HashSet<>(nodeIds()), startTimeout,
                "실행 중인 노드 " + runningNodes() + ", 브로커 로그: " + home.resolve("node-N/broker.log"));
    }

    @Override
    public Path logFile(int nodeId) {
        return node(nodeId).logFile();
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
        List<ProcessHandle> running = state.nodes().stream().map(ClusterState::runningBroker).flatMap(Optional::stream).toList();
        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : running) {
            if (h.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join() == null || h.isAlive()) {
                h.destroyForcibly();
            }
        }
        killAll();
    }

    @Override
    public void close() {
        closeAdmin();
        if (owned) {
            // A test cluster's data is thrown away: SIGKILL is fast and leaves nothing behind.
            killAll();
        }
    }

    private void closeAdmin() {
        Admin a = admin;
        admin = null;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }

    /** A broker could not bind its port; retried with new free ports unless the ports were fixed. */
    private static final class PortConflict extends ClusterException {
        PortConflict(String message) {
            super(message);
        }
    }
}
