package kafkacourse.kit.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.cluster.ClusterException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input around Redis, for real: a port someone else holds, and the server killed in the middle of a measurement.
 * Each must end in a Korean message naming the server and its log; the 60 s timeouts only guard against a hang.
 */
@DisplayName("비교 서버(Redis)의 잘못된 상황: 한국어 메시지, 멈추지 않음")
class RedisBadInputTest {

    @TempDir
    Path home;

    private static void assumeRedis() {
        Assumptions.assumeTrue(ServerKind.REDIS.binary().isPresent(), ServerKind.REDIS::missingMessage);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("정한 포트를 다른 프로그램이 쓰고 있으면: 서버 이름, 포트, 로그를 담은 한국어 메시지")
    void portAlreadyTaken() throws Exception {
        assumeRedis();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompareOptions options = CompareOptions.owned(home).only(Set.of(ServerKind.REDIS)).withPort(ServerKind.REDIS, taken.getLocalPort());
            ClusterException e = catchThrowableOfType(ClusterException.class, () -> CompareServers.start(options).close());
            assertThat(e).as("포트가 막혔는데 시작이 성공하면 안 됩니다").isNotNull();
            assertThat(e.getMessage())
                    .contains("Redis 를 시작하지 못했습니다", "포트 " + taken.getLocalPort(), "이미 다른 프로그램이 쓰고 있습니다", "redis.log");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("측정 도중 Redis 가 꺼지면: 그 줄이 '서버가 꺼져 있습니다' 와 로그 위치로 끝난다 (벤치마크가 멈추지 않음)")
    void serverKilledDuringTheBenchmark() throws Exception {
        assumeRedis();
        try (CompareServers servers = CompareServers.start(CompareOptions.owned(home).only(Set.of(ServerKind.REDIS)))) {
            ProcessHandle redis = servers.process(ServerKind.REDIS).orElseThrow();
            Thread killer = new Thread(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(500); // the measurement below runs for seconds: stop the server in its middle
                } catch (InterruptedException e) {
                    return;
                }
                redis.destroyForcibly();
            });
            killer.start();
            Benchmark.Result r = Benchmark.guard(servers, ServerKind.REDIS, "test", () -> Benchmark.redis(servers, 5_000_000, 100));
            killer.join();

            assertThat(r.measured()).as("꺼진 서버로는 잰 값이 없어야 합니다: " + r).isFalse();
            assertThat(r.skipped()).contains("Redis 서버가 꺼져 있습니다", "redis.log", "./course compare");
            assertThat(servers.downMessage()).get().asString().contains("Redis 서버가 꺼져 있습니다");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("모든 서버가 살아 있으면 downMessage 는 비어 있다")
    void noMessageWhileRunning() {
        assumeRedis();
        try (CompareServers servers = CompareServers.start(CompareOptions.owned(home).only(Set.of(ServerKind.REDIS)))) {
            assertThat(servers.downMessage()).isEmpty();
        }
    }
}
