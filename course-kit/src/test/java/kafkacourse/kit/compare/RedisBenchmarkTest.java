package kafkacourse.kit.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis part of notebook 03's benchmark, for real (skipped with the install command where redis-server is missing). */
class RedisBenchmarkTest {

    @TempDir
    static Path home;
    static CompareServers servers;

    @BeforeAll
    static void start() {
        servers = CompareServers.start(CompareOptions.owned(home).only(Set.of(ServerKind.REDIS)));
        Assumptions.assumeTrue(servers.available(ServerKind.REDIS), () -> "건너뜀: " + servers.unavailableReason(ServerKind.REDIS).orElse(""));
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // Repeated: the old "Socket closed" race between the two threads hit about one run in fifteen.
    @RepeatedTest(15)
    @DisplayName("Redis Pub/Sub: 벤치마크와 같은 작업(5000건)을 모두 받아 처리량과 지연을 잰다")
    void pubSubIsMeasured() {
        Benchmark.Result r = Benchmark.redis(servers, 5000, 100);
        assertThat(r.skipped()).isNull();
        assertThat(r.received()).isEqualTo(5000);
        assertThat(r.perSecond()).isPositive();
        assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
    }

    @Test
    @DisplayName("Redis Streams: 같은 작업을 XADD/XREAD 로 보내고 받아 잰다")
    void streamsAreMeasured() {
        Benchmark.Result r = Benchmark.redisStreams(servers, 5000, 100);
        assertThat(r.skipped()).isNull();
        assertThat(r.received()).isEqualTo(5000);
        assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
    }
}
