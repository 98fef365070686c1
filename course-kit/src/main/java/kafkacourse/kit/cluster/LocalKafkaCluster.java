package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    private static final List<String> BROKER_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m",
            // Small, fast-starting JVMs: serial GC, C1 only (a course cluster needs start-up, not peak speed).
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
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
        prepareHome(options.home());
        reapLeftovers(options.home());
        if (!options.detached()) {
            wipeNodes(options.home()); // a test cluster is disposable: every run starts from empty brokers
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(options);
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
            cluster.admin().describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return Optional.of(cluster);
        } catch (Exception e) {
            cluster.closeAdmin();
            return Optional.empty();
        }
    }

    /** The cluster described by {@code home}'s state file, running or not (to restart or inspect its nodes). */
    public static Optional<LocalKafkaCluster> existing(Path home) {
        return ClusterState.read(home).map(state -> new LocalKafkaCluster(home, state, false, Duration.ofSeconds(60)));
    }

    private static LocalKafkaCluster startOnce(ClusterOptions options) {
        Path home = options.home();
        List<NodeSpec> nodes = layout(options);
        Optional<ClusterState> previous = ClusterState.read(home);
        boolean formatted = nodes.stream().allMatch(n -> Files.exists(n.dataDir().resolve("meta.properties")));
        String clusterId = formatted && previous.isPresent() ? previous.get().clusterId() : Uuid.randomUuid().toString();
        long ownerPid = options.detached() ? 0 : ProcessHandle.current().pid();
        ClusterState state = new ClusterState(clusterId, ownerPid, nodes);

        writeConfigs(home, nodes, options.brokerOverrides());
        state.write(home);
        if (!formatted) {
            format(home, clusterId, nodes);
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(home, state, !options.detached(), options.startTimeout());
        try {
            List<Long> logOffsets = nodes.stream().map(n -> cluster.launch(n)).toList();
            for (int i = 0; i < nodes.size(); i++) {
                cluster.awaitStarted(nodes.get(i), logOffsets.get(i));
            }
            cluster.awaitAllBrokersReady();
            return cluster;
        } catch (RuntimeException e) {
            cluster.killAll();
            throw e;
        }
    }

    private static void prepareHome(Path home) {
        try {
            Files.createDirectories(home);
            Path probe = Files.createTempFile(home, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ClusterException("""
                    클러스터 디렉터리에 쓸 수 없습니다: %s
                      해결: 디렉터리의 쓰기 권한과 남은 디스크 공간을 확인하세요. (KAFKA_COURSE_HOME 으로 위치를 바꿀 수 있습니다)"""
                    .formatted(home), e);
        }
    }

    private static void wipeNodes(Path home) {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("node-")).toList()) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new ClusterException("이전 테스트 클러스터의 데이터를 지울 수 없습니다: " + home, e);
        }
    }

    /** Kill brokers that a dead owner left behind in {@code home}; refuse if another live JVM owns them. */
    private static void reapLeftovers(Path home) {
        Optional<ClusterState> previous = ClusterState.read(home);
        if (previous.isEmpty()) {
            return;
        }
        long owner = previous.get().ownerPid();
        boolean ownerAlive = owner != 0 && owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        List<ProcessHandle> brokers = previous.get().nodes().stream().map(ClusterState::runningBroker).flatMap(Optional::stream).toList();
        if (!brokers.isEmpty() && (ownerAlive || owner == 0)) {
            throw new ClusterException("""
                    이 디렉터리의 클러스터가 이미 실행 중입니다: %s
                      해결: 그 클러스터를 그대로 쓰거나, 먼저 `./course cluster down` 으로 내리세요.%s"""
                    .formatted(home, owner == 0 ? "" : " (소유 프로세스 pid " + owner + ")"));
        }
        for (ProcessHandle broker : brokers) {
            broker.destroyForcibly();
            broker.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
        if (!brokers.isEmpty()) {
            System.err.println("[강좌 클러스터] 이전 실행이 남긴 브로커 프로세스 " + brokers.size() + "개를 정리했습니다: " + home);
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

    private static void writeConfigs(Path home, List<NodeSpec> nodes, Map<String, String> overrides) {
        try (InputStream log4j = LocalKafkaCluster.class.getResourceAsStream("broker-log4j2.properties")) {
            Files.write(home.resolve("broker-log4j2.properties"), log4j.readAllBytes());
            for (NodeSpec node : nodes) {
                Files.createDirectories(node.dataDir());
                String properties = BrokerConfig.render(node, nodes, overrides).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "# written by course-kit; see docs-ko for each setting\n", "\n"));
                Files.writeString(node.configFile(), properties);
            }
        } catch (IOException e) {
            throw new ClusterException("브로커 설정 파일을 쓸 수 없습니다: " + home, e);
        }
    }

    private static void format(Path home, String clusterId, List<NodeSpec> nodes) {
        List<String> args = new ArrayList<>(List.of("format", clusterId));
        nodes.forEach(n -> args.add(n.configFile().toString()));
        Path log = home.resolve("format.log");
        try {
            Process p = new ProcessBuilder(BrokerRuntime.javaCommand(home, BROKER_JVM_OPTIONS, args.toArray(String[]::new)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ClusterException("브로커 저장소 초기화(format)가 60초 안에 끝나지 않았습니다. 로그: " + log);
            }
            if (p.exitValue() != 0) {
                throw new ClusterException("""
                        브로커 저장소 초기화(format)에 실패했습니다. 로그: %s
                        %s""".formatted(log, tail(log, 8)));
            }
        } catch (IOException e) {
            throw new ClusterException("브로커 저장소 초기화(format)를 실행할 수 없습니다.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("브로커 저장소 초기화(format)가 중단되었습니다.");
        }
    }

    // ------------------------------------------------------------------------------------------------- processes

    /** Launch a node's JVM and record its pid; returns the log length before launch (where to look for "started"). */
    private long launch(NodeSpec node) {
        try {
            long offset = Files.exists(node.logFile()) ? Files.size(node.logFile()) : 0;
            List<String> jvm = new ArrayList<>(BROKER_JVM_OPTIONS);
            jvm.add("-Dlog4j2.configurationFile=" + home.resolve("broker-log4j2.properties"));
            // The watchdog can be switched off only by the kit's own tests, to prove that leftovers are reaped.
            long watchedOwner = Boolean.parseBoolean(System.getProperty("course.cluster.watchdog", "true")) ? state.ownerPid() : 0;
            Process p = new ProcessBuilder(BrokerRuntime.javaCommand(home, jvm,
                    "run", Long.toString(watchedOwner), node.configFile().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.logFile().toFile()))
                    .start();
            Files.writeString(node.pidFile(), Long.toString(p.pid()));
            return offset;
        } catch (IOException e) {
            throw new ClusterException("브로커 " + node.id() + " 프로세스를 시작할 수 없습니다.", e);
        }
    }

    private void awaitStarted(NodeSpec node, long logOffset) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            String log = readFrom(node.logFile(), logOffset);
            if (log.contains(STARTED_MARKER)) {
                return;
            }
            if (ClusterState.runningBroker(node).isEmpty()) {
                throw startFailure(node, log, "브로커 " + node.id() + " 프로세스가 시작 중에 종료되었습니다.");
            }
            if (System.nanoTime() > deadline) {
                throw startFailure(node, log, "브로커 " + node.id() + " 이(가) " + startTimeout.toSeconds() + "초 안에 준비되지 않았습니다.");
            }
            pause(100);
        }
    }

    private RuntimeException startFailure(NodeSpec node, String log, String what) {
        if (log.contains("Address already in use") || log.contains("BindException")) {
            return new PortConflict("""
                    %s 포트 %d 또는 %d 을(를) 다른 프로그램이 이미 사용 중입니다.
                      해결: 그 프로그램을 종료하거나 다른 기준 포트를 쓰세요(예: ./course cluster up --port 29092).
                      브로커 로그: %s""".formatted(what, node.brokerPort(), node.controllerPort(), node.logFile()));
        }
        return new ClusterException("""
                %s
                  브로커 로그: %s
                  로그 마지막 부분:
                %s""".formatted(what, node.logFile(), tail(node.logFile(), 12)));
    }

    private static String readFrom(Path file, long offset) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            return offset >= bytes.length ? "" : new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of a log that say something: stack frames are left out (the log file has them all). */
    private static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> list = all.filter(l -> !l.isBlank() && !l.stripLeading().startsWith("at ")
                    && !l.stripLeading().matches("\\.\\.\\. \\d+ more")).toList();
            return list.subList(Math.max(0, list.size() - lines), list.size()).stream()
                    .map(l -> "    | " + l).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "    (로그를 읽을 수 없음: " + e.getMessage() + ")";
        }
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

    private void killAll() {
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
