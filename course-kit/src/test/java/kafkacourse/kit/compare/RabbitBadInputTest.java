package kafkacourse.kit.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Connection;
import kafkacourse.kit.cluster.ClusterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input around RabbitMQ, for real (one server for the class: it takes a while to start on a loaded machine): a
 * wrong password, then the server killed in the middle of a measurement. The 60 s timeouts only guard against a hang.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("비교 서버(RabbitMQ)의 잘못된 상황: 한국어 메시지, 멈추지 않음")
class RabbitBadInputTest {

    @TempDir
    static Path home;
    static CompareServers servers;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(ServerKind.RABBITMQ.binary().isPresent(), ServerKind.RABBITMQ::missingMessage);
        servers = CompareServers.start(CompareOptions.owned(home).only(Set.of(ServerKind.RABBITMQ)));
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("틀린 비밀번호: 로그인에 실패했다는 한국어 메시지와 강좌 계정, 서버 로그 위치")
    void wrongPassword() {
        ClusterException e = catchThrowableOfType(ClusterException.class, () -> RabbitClients.connect(servers, servers.rabbitUser(), "wrong").close());
        assertThat(e).as("틀린 비밀번호로 연결되면 안 됩니다").isNotNull();
        assertThat(e.getMessage()).contains("RabbitMQ 로그인에 실패했습니다", "rabbitmq.log");
    }

    @Test
    @Order(2)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("측정 도중 RabbitMQ 가 꺼지면: 그 줄이 '서버가 꺼져 있습니다' 와 로그 위치로 끝나고, 새 연결도 한국어로 거절된다")
    void serverKilledDuringTheBenchmark() throws Exception {
        try (Connection before = RabbitClients.connect(servers)) {
            assertThat(before.isOpen()).isTrue();
        }
        ProcessHandle rabbit = servers.process(ServerKind.RABBITMQ).orElseThrow();
        Thread killer = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(1_000); // the measurement below runs for seconds: stop the server in its middle
            } catch (InterruptedException e) {
                return;
            }
            rabbit.destroyForcibly();
        });
        killer.start();
        Benchmark.Result r = Benchmark.guard(servers, ServerKind.RABBITMQ, "test", () -> Benchmark.rabbit(servers, 5_000_000, 100));
        killer.join();

        assertThat(r.measured()).as("꺼진 서버로는 잰 값이 없어야 합니다: " + r).isFalse();
        assertThat(r.skipped()).contains("RabbitMQ 서버가 꺼져 있습니다", "rabbitmq.log");
        assertThat(servers.downMessage()).get().asString().contains("RabbitMQ 서버가 꺼져 있습니다", "rabbitmq.log");
        ClusterException again = catchThrowableOfType(ClusterException.class, () -> RabbitClients.connect(servers).close());
        assertThat(again).isNotNull();
        assertThat(again.getMessage()).contains("RabbitMQ 서버가 꺼져 있습니다", "rabbitmq.log");
    }
}
