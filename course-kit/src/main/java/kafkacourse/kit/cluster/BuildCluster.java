package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One cluster for a whole Maven build instead of one per test JVM: the first lab's test JVM starts it, owned by the
 * Maven JVM (its brokers halt when Maven exits, also on SIGKILL), and every later test JVM of the same build attaches
 * to it. Saves a cluster start (about 10 s on 2 cores) per lab. Used only when the build says where it lives
 * ({@code -Dcourse.build.cluster=<dir>}, set by the root pom) and a Maven JVM is found among this JVM's ancestors;
 * otherwise the test JVM starts its own private cluster as before.
 */
final class BuildCluster {

    static final String PROPERTY = "course.build.cluster";
    /** Longer than any graded test keeps a broker down (lab04/lab05: seconds, restored after each test). */
    private static final Duration WAIT_FOR_STOPPED_NODE = Duration.ofMinutes(3);

    private BuildCluster() {
    }

    /** The build's cluster, attached or started; empty when not in a Maven build that asked for one. */
    static Optional<LocalKafkaCluster> forThisBuild() {
        String dir = System.getProperty(PROPERTY, "");
        if (dir.isBlank()) {
            return Optional.empty();
        }
        return mavenAncestor().map(maven -> attachOrStart(Path.of(dir).toAbsolutePath(), maven));
    }

    private static LocalKafkaCluster attachOrStart(Path home, ProcessHandle maven) {
        try {
            Files.createDirectories(home);
            // Modules built in parallel (-T) must not start two clusters in one directory.
            try (FileChannel channel = FileChannel.open(home.resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                Optional<ClusterState> state = ClusterState.read(home);
                if (state.isPresent() && state.get().ownerPid() == maven.pid()) {
                    Optional<LocalKafkaCluster> attached = attachWhenWhole(home);
                    if (attached.isPresent()) {
                        System.out.println("[강좌 클러스터] 이 빌드의 클러스터를 이어서 씁니다: " + attached.get().bootstrapServers());
                        return attached.get();
                    }
                    // This build's cluster is there but not whole (a node died): start it afresh.
                    LocalKafkaCluster.existing(home).ifPresent(LocalKafkaCluster::killAll);
                }
                long started = System.nanoTime();
                LocalKafkaCluster cluster = LocalKafkaCluster.startOwnedBy(ClusterOptions.forTests().withHome(home), maven.pid());
                System.out.printf("[강좌 클러스터] 이 빌드가 쓸 브로커 3개를 시작했습니다 (%.1f초, Maven 이 끝나면 함께 종료): %s%n",
                        (System.nanoTime() - started) / 1e9, cluster.bootstrapServers());
                return cluster;
            }
        } catch (IOException e) {
            throw new ClusterException("빌드 클러스터 디렉터리를 준비할 수 없습니다: " + home, e);
        }
    }

    /**
     * The build's cluster once all its nodes run. In a parallel build (-T) another lab's test may have stopped a broker
     * on purpose (lab04, lab05) and starts it again within its test: wait for that (bounded) instead of taking the
     * cluster for broken and restarting it under that test's feet. Empty when no node runs or the wait runs out.
     */
    private static Optional<LocalKafkaCluster> attachWhenWhole(Path home) {
        AtomicReference<Optional<LocalKafkaCluster>> attached = new AtomicReference<>(LocalKafkaCluster.attach(home));
        if (attached.get().isPresent() || !anyNodeRuns(home)) {
            return attached.get();
        }
        System.out.println("[강좌 클러스터] 다른 테스트가 브로커 하나를 잠시 껐습니다. 다시 켜지기를 기다립니다 (최대 "
                + WAIT_FOR_STOPPED_NODE.toSeconds() + "초).");
        try {
            Awaitility.await("이 빌드의 클러스터에 모든 노드가 다시 돌기를").atMost(WAIT_FOR_STOPPED_NODE).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        attached.set(LocalKafkaCluster.attach(home));
                        return attached.get().isPresent() || !anyNodeRuns(home);
                    });
        } catch (ConditionTimeoutException e) {
            // still not whole: the caller starts the cluster afresh
        }
        return attached.get();
    }

    private static boolean anyNodeRuns(Path home) {
        return LocalKafkaCluster.existing(home).map(c -> !c.runningNodes().isEmpty()).orElse(false);
    }

    /** The Maven JVM running this build: the nearest ancestor started through Maven's class-world launcher. */
    static Optional<ProcessHandle> mavenAncestor() {
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            ProcessHandle handle = p.get();
            String commandLine = handle.info().commandLine().orElse("");
            if (commandLine.contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
                return Optional.of(handle);
            }
        }
        return Optional.empty();
    }
}
