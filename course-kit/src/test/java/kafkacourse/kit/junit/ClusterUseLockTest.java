package kafkacourse.kit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two JVMs on one cluster: a test class that kills brokers waits for the other JVM's classes, and the reverse. */
@DisplayName("클러스터 사용 잠금: 브로커를 끄는 테스트는 다른 JVM 의 테스트와 겹치지 않는다")
class ClusterUseLockTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Own threads: the waits below block, and the common pool has a single thread on a 2-core machine. */
    private static final java.util.concurrent.Executor THREADS = task -> {
        Thread t = new Thread(task, "cluster-use-lock-test");
        t.setDaemon(true);
        t.start();
    };

    /** The other JVM: takes the lock, says so, holds it until its stdin closes. */
    public static void main(String[] args) throws Exception {
        try (ClusterUseLock lock = ClusterUseLock.acquire(args[0], Boolean.parseBoolean(args[1]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }

    @Test
    @DisplayName("다른 JVM 이 공유로 쥐고 있으면 배타 잠금은 기다리고, 놓으면 바로 얻는다")
    void exclusiveWaitsForAnotherJvmsSharedUse() throws Exception {
        String cluster = "127.0.0.1:" + UUID.randomUUID();
        Process other = holder(cluster, false);
        try (ClusterUseLock alsoShared = ClusterUseLock.acquire(cluster, false)) {
            assertThat(alsoShared.isExclusive()).as("공유 잠금끼리는 함께 쥘 수 있어야 합니다").isFalse();
        }
        CompletableFuture<ClusterUseLock> exclusive = CompletableFuture.supplyAsync(() -> ClusterUseLock.acquire(cluster, true), THREADS);
        await("다른 JVM 이 쥐고 있는 동안 배타 잠금은 얻지 못함").during(Duration.ofSeconds(1)).atMost(LIMIT)
                .until(() -> !exclusive.isDone());
        other.getOutputStream().close();
        try (ClusterUseLock lock = exclusive.get(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(lock.isExclusive()).isTrue();
        } finally {
            other.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Files.deleteIfExists(ClusterUseLock.fileFor(cluster)); // this test's made-up cluster: nobody else uses its file
        }
    }

    @Test
    @DisplayName("배타 잠금을 쥔 JVM 이 SIGKILL 로 죽어도 잠금은 풀린다")
    void aKilledHolderReleasesTheLock() throws Exception {
        String cluster = "127.0.0.1:" + UUID.randomUUID();
        Process other = holder(cluster, true);
        CompletableFuture<ClusterUseLock> shared = CompletableFuture.supplyAsync(() -> ClusterUseLock.acquire(cluster, false), THREADS);
        await("배타 잠금을 쥔 JVM 이 살아 있는 동안 공유 잠금은 얻지 못함").during(Duration.ofSeconds(1)).atMost(LIMIT)
                .until(() -> !shared.isDone());
        other.destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        try (ClusterUseLock lock = shared.get(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(lock.isExclusive()).isFalse();
        } finally {
            Files.deleteIfExists(ClusterUseLock.fileFor(cluster));
        }
    }

    @Test
    @DisplayName("잠금 파일은 클러스터 주소마다 하나다")
    void oneFilePerCluster() {
        Path a = ClusterUseLock.fileFor("127.0.0.1:9092,127.0.0.1:9093");
        assertThat(a).isEqualTo(ClusterUseLock.fileFor("127.0.0.1:9092,127.0.0.1:9093"))
                .isNotEqualTo(ClusterUseLock.fileFor("127.0.0.1:19092"));
    }

    @Test
    @DisplayName("배타 잠금이 기다리는 동안 나중에 온 공유 잠금은 그 뒤에 줄을 선다 (브로커를 끄는 테스트가 끝없이 밀리지 않는다)")
    void laterSharedUsersQueueBehindAWaitingExclusive() throws Exception {
        String cluster = "127.0.0.1:" + UUID.randomUUID();
        Holder exclusive = null;
        Holder late = null;
        try {
            try (ClusterUseLock first = ClusterUseLock.acquire(cluster, false)) {
                exclusive = start(cluster, true);
                await("다른 JVM 의 배타 잠금이 기다리기 시작함").atMost(LIMIT).until(first::exclusiveWaiting);
                late = start(cluster, false);
                Holder lateShared = late;
                await("배타 잠금이 기다리는 동안 나중에 온 공유 잠금은 얻지 못함").during(Duration.ofSeconds(1)).atMost(LIMIT)
                        .until(() -> !lateShared.locked().isDone());
            }
            assertThat(exclusive.locked().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("locked");
            Holder lateShared = late;
            await("배타 잠금을 쥔 동안 공유 잠금은 아직 기다림").during(Duration.ofSeconds(1)).atMost(LIMIT)
                    .until(() -> !lateShared.locked().isDone());
            exclusive.process().getOutputStream().close();
            assertThat(late.locked().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("locked");
        } finally {
            for (Holder h : java.util.Arrays.asList(exclusive, late)) {
                if (h != null) {
                    h.process().destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(ClusterUseLock.fileFor(cluster));
        }
    }

    @Test
    @DisplayName("공유로 쥔 JVM 은 다른 JVM 의 배타 잠금이 기다리는 것을 안다")
    void aSharedHolderSeesAWaitingExclusive() throws Exception {
        String cluster = "127.0.0.1:" + UUID.randomUUID();
        Holder other = null;
        try (ClusterUseLock shared = ClusterUseLock.acquire(cluster, false)) {
            assertThat(shared.exclusiveWaiting()).as("아무도 기다리지 않을 때").isFalse();
            other = start(cluster, true);
            await("다른 JVM 의 배타 잠금이 기다리는 것이 보임").atMost(LIMIT).until(shared::exclusiveWaiting);
            assertThat(other.locked()).as("공유 잠금을 놓기 전에는 배타 잠금을 얻지 못합니다").isNotDone();
        }
        try {
            assertThat(other.locked().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("locked");
        } finally {
            other.process().destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Files.deleteIfExists(ClusterUseLock.fileFor(cluster));
        }
    }

    private record Holder(Process process, CompletableFuture<String> locked) {
    }

    private static Process holder(String cluster, boolean exclusive) throws Exception {
        Holder h = start(cluster, exclusive);
        assertThat(h.locked().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("다른 JVM 이 잠금을 얻었다고 알려야 합니다").isEqualTo("locked");
        return h.process();
    }

    /** Another JVM that asks for the lock; {@code locked} completes when it has it. */
    private static Holder start(String cluster, boolean exclusive) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ClusterUseLockTest.class.getName(), cluster, Boolean.toString(exclusive))).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null && !line.equals("locked")) {
                    // the holder's other output (none expected)
                }
                return line;
            } catch (java.io.IOException e) {
                return null;
            }
        }, THREADS);
        return new Holder(p, first);
    }
}
