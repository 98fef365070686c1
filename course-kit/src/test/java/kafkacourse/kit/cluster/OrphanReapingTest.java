package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No broker outlives its owner: the watchdog ends brokers of a SIGKILLed JVM; leftovers are reaped on the next start. */
@DisplayName("클러스터: 고아 브로커 프로세스가 남지 않는다")
class OrphanReapingTest {

    @TempDir
    Path tmp;

    private Process startOwner(Path home, boolean watchdog) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcourse.cluster.watchdog=" + watchdog,
                ClusterOwnerProbe.class.getName(), home.toString()));
        Process owner = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        String ready = CompletableFuture.supplyAsync(() -> out.lines().peek(seen::add).filter(l -> l.contains("READY")).findFirst().orElse("EOF"))
                .completeOnTimeout("TIMEOUT", 90, TimeUnit.SECONDS).join();
        assertThat(ready).as("소유 JVM이 클러스터를 시작해야 합니다. 출력: %s", seen).isEqualTo("READY");
        return owner;
    }

    private static List<ProcessHandle> brokers(Path home) {
        return ClusterState.read(home).orElseThrow().nodes().stream().map(ClusterState::runningBroker).flatMap(Optional::stream).toList();
    }

    @Test
    @DisplayName("클러스터를 띄운 JVM이 SIGKILL 되면 그 브로커들도 곧 종료된다")
    void brokersDieWithTheirSigkilledOwner() throws IOException {
        Path home = tmp.resolve("cluster");
        Process owner = startOwner(home, true);
        List<ProcessHandle> started = brokers(home);
        assertThat(started).as("실행 중인 브로커").hasSize(1);

        long t0 = System.nanoTime();
        owner.destroyForcibly();
        await("소유 JVM이 죽은 뒤 브로커가 스스로 종료되기를").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        System.out.printf("[측정] 소유 JVM SIGKILL → 브로커 종료: %.1f초%n", (System.nanoTime() - t0) / 1e9);
    }

    @Test
    @DisplayName("감시가 없어 살아남은 브로커는 같은 디렉터리의 다음 시작 때 정리된다")
    void leftoversOfADeadOwnerAreReapedOnTheNextStart() throws IOException {
        Path home = tmp.resolve("cluster");
        Process owner = startOwner(home, false);
        List<ProcessHandle> leftovers = brokers(home);
        owner.destroyForcibly();
        owner.onExit().join();
        assertThat(leftovers).as("감시를 끈 브로커는 소유 JVM이 죽어도 살아 있어야 합니다(재현 조건)").allMatch(ProcessHandle::isAlive);

        try (LocalKafkaCluster next = LocalKafkaCluster.start(ClusterOptions.forTests().withHome(home).withNodes(1))) {
            assertThat(leftovers).as("이전 실행이 남긴 브로커").noneMatch(ProcessHandle::isAlive);
            assertThat(next.runningNodes()).containsExactly(1);
        }
        assertThat(brokers(home)).as("close() 뒤 남은 브로커").isEmpty();
    }
}
