package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster that cannot start says why, in Korean, naming the broker log, within the start timeout; never hangs. */
@DisplayName("클러스터: 시작 실패를 분명하게 알린다")
class ClusterStartFailureTest {

    private static final Duration NEVER_HANG = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private ClusterOptions singleNode(Path home) {
        return ClusterOptions.forTests().withHome(home).withNodes(1);
    }

    @Test
    @DisplayName("다른 프로그램이 쓰는 포트: 포트 번호와 브로커 로그를 알려 주고 끝난다")
    void takenPortFailsNamingThePortAndTheLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClusterOptions options = singleNode(tmp.resolve("cluster")).withBasePort(taken.getLocalPort());

            long t0 = System.nanoTime();
            assertTimeoutPreemptively(NEVER_HANG, () -> assertThatThrownBy(() -> LocalKafkaCluster.start(options))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("이미 사용 중")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                    .hasMessageContaining("broker.log"));
            System.out.printf("[측정] 포트 충돌을 알리기까지: %.1f초%n", (System.nanoTime() - t0) / 1e9);
        }
        assertThat(LocalKafkaCluster.existing(tmp.resolve("cluster")).orElseThrow().runningNodes()).isEmpty();
    }

    @Test
    @DisplayName("쓸 수 없는 클러스터 디렉터리: 위치와 해결 방법을 알려 준다")
    void unwritableHomeFailsClearly() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> LocalKafkaCluster.start(singleNode(file.resolve("cluster"))))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("쓸 수 없습니다")
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("잘못된 브로커 설정: 설정 이름이 담긴 오류 줄을 스택 트레이스 없이 보여 준다")
    void invalidBrokerSettingFailsNamingTheSetting() {
        ClusterOptions options = singleNode(tmp.resolve("cluster")).withBrokerOverrides(Map.of("num.io.threads", "0"));

        assertTimeoutPreemptively(NEVER_HANG, () -> assertThatThrownBy(() -> LocalKafkaCluster.start(options))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("num.io.threads")
                .hasMessageContaining(".log")
                .hasMessageNotContaining("\tat "));
    }

    @Test
    @DisplayName("시작 중에 죽는 브로커(데이터 디렉터리의 노드 번호가 다름): 종료 사실과 브로커 로그를 보여 준다")
    void brokerCrashingAtStartFailsWithItsLog() throws IOException {
        ClusterOptions options = ClusterOptions.interactive(0).withHome(tmp.resolve("cluster")).withNodes(1);
        LocalKafkaCluster.start(options).close();
        LocalKafkaCluster.existing(options.home()).orElseThrow().shutdown();
        Path meta = options.home().resolve("node-1/data/meta.properties");
        Files.writeString(meta, Files.readString(meta).replace("node.id=1", "node.id=9"));

        assertTimeoutPreemptively(NEVER_HANG, () -> assertThatThrownBy(() -> LocalKafkaCluster.start(options))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("종료되었습니다")
                .hasMessageContaining("broker.log")
                .hasMessageNotContaining("\tat "));
        assertThat(LocalKafkaCluster.existing(options.home()).orElseThrow().runningNodes()).isEmpty();
    }

    @Test
    @DisplayName("잘못된 옵션은 값을 그대로 보여 주며 거절한다")
    void invalidOptionsAreRejectedQuotingTheValue() {
        assertThatThrownBy(() -> ClusterOptions.forTests().withNodes(7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
        assertThatThrownBy(() -> ClusterOptions.forTests().withBasePort(80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80");
    }
}
