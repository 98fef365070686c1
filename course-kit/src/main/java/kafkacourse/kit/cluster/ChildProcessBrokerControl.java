package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The brokers of a {@link LocalKafkaCluster}: one JVM per KRaft node on this machine, found again through the pid
 * files of the cluster's home (so {@code ./course cluster …} in a later JVM controls the same processes). Launching a
 * node returns once its log says it started; the cluster then asks the Admin client whether it is unfenced.
 */
final class ChildProcessBrokerControl implements BrokerControl {

    static final String STARTED_MARKER = "Kafka Server started";

    private final Path home;
    private final ClusterState state;
    private final Duration startLimit;

    ChildProcessBrokerControl(Path home, ClusterState state, Duration startLimit) {
        this.home = home;
        this.state = state;
        this.startLimit = startLimit;
    }

    @Override
    public String describe() {
        return "이 컴퓨터의 브로커 프로세스(" + home + ")";
    }

    @Override
    public void kill(int nodeId) {
        ClusterState.runningBroker(node(nodeId)).ifPresent(ChildProcessBrokerControl::killAndWait);
    }

    @Override
    public void stop(int nodeId) {
        ClusterState.runningBroker(node(nodeId)).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Controlled shutdown can wait forever when the controller quorum is lost: do not hang the learner.
                System.err.println("[강좌 클러스터] 브로커 " + nodeId + " 이(가) 30초 안에 정상 종료되지 않아 강제 종료합니다.");
                killAndWait(h);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Launches the node and returns when its log says it started (the caller waits until it is unfenced). */
    @Override
    public void start(int nodeId) {
        NodeSpec node = node(nodeId);
        awaitStarted(node, launch(node));
    }

    @Override
    public Set<Integer> running() {
        return state.nodes().stream().filter(n -> ClusterState.runningBroker(n).isPresent()).map(NodeSpec::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String howToReadLog(int nodeId) {
        return "브로커 로그 " + node(nodeId).logFile();
    }

    @Override
    public String howToCheckAll() {
        return "실행 중인 노드 " + running() + ", 브로커 로그: " + home.resolve("node-N/broker.log");
    }

    // ------------------------------------------------------------------------------------------ whole cluster

    /** SIGKILL every node and wait until they are gone (a disposable test cluster, or a failed start). */
    void killAll() {
        state.nodes().forEach(n -> ClusterState.runningBroker(n).ifPresent(ProcessHandle::destroyForcibly));
        state.nodes().forEach(n -> ClusterState.runningBroker(n).ifPresent(h -> h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join()));
    }

    /** Graceful stop of every node at once, SIGKILL for one that has not ended after 20 s. */
    void stopAll() {
        List<ProcessHandle> running = state.nodes().stream().map(ClusterState::runningBroker).flatMap(Optional::stream).toList();
        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : running) {
            if (h.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join() == null || h.isAlive()) {
                h.destroyForcibly();
            }
        }
        killAll();
    }

    // ---------------------------------------------------------------------------------------------- one node

    /** Launch a node's JVM and record its pid; returns the log length before launch (where to look for "started"). */
    long launch(NodeSpec node) {
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

    /** Waits until the node's log (read from {@code logOffset} on) says it started; fails in Korean, never hangs. */
    void awaitStarted(NodeSpec node, long logOffset) {
        long deadline = System.nanoTime() + startLimit.toNanos();
        BrokerLog.Watch watch = new BrokerLog.Watch(node.logFile(), logOffset);
        while (true) {
            if (watch.saw(STARTED_MARKER)) {
                return;
            }
            if (ClusterState.runningBroker(node).isEmpty()) {
                throw startFailure(node, logOffset, "브로커 " + node.id() + " 프로세스가 시작 중에 종료되었습니다.");
            }
            if (System.nanoTime() > deadline) {
                throw startFailure(node, logOffset, "브로커 " + node.id() + " 이(가) " + startLimit.toSeconds() + "초 안에 준비되지 않았습니다.");
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

    NodeSpec node(int nodeId) {
        return state.nodes().stream().filter(n -> n.id() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("이 클러스터에 없는 노드 번호입니다: " + nodeId));
    }

    private static void killAndWait(ProcessHandle h) {
        h.destroyForcibly();
        h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("클러스터 대기 중 중단되었습니다.");
        }
    }

    /** A broker could not bind its port; the cluster retries with new free ports unless the ports were fixed. */
    static final class PortConflict extends ClusterException {
        PortConflict(String message) {
            super(message);
        }
    }
}
