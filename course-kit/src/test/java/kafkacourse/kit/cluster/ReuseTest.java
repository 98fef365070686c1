package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster started detached (like `./course cluster up`) is found, reused, and left running by its users. */
@DisplayName("클러스터: 실행 중인 클러스터 재사용")
class ReuseTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("분리 실행한 클러스터를 다른 사용자가 붙어 쓰고 닫아도 클러스터는 계속 돈다")
    void detachedClusterIsReusedAndOutlivesItsUsers() {
        ClusterOptions options = ClusterOptions.interactive(0).withHome(tmp.resolve("cluster")).withNodes(1);
        String bootstrap;
        try (LocalKafkaCluster started = LocalKafkaCluster.start(options)) {
            bootstrap = started.bootstrapServers();
        }
        try {
            try (LocalKafkaCluster reused = LocalKafkaCluster.attach(options.home()).orElseThrow()) {
                assertThat(reused.bootstrapServers()).isEqualTo(bootstrap);
                assertThat(reused.activeController()).isEqualTo(1);
            }
            assertThat(LocalKafkaCluster.attach(options.home())).as("사용자가 닫은 뒤에도 클러스터는 실행 중이어야 합니다").isPresent();
        } finally {
            LocalKafkaCluster.existing(options.home()).orElseThrow().shutdown();
        }
        assertThat(LocalKafkaCluster.existing(options.home()).orElseThrow().runningNodes()).isEmpty();
        assertThat(LocalKafkaCluster.attach(options.home())).isEmpty();
    }

    @Test
    @DisplayName("cluster reset: 실행 중인 클러스터를 내리고 데이터를 지워, 다음 시작은 토픽이 없는 새 클러스터다")
    void wipeGivesACleanSlate() throws Exception {
        ClusterOptions options = ClusterOptions.interactive(0).withHome(tmp.resolve("cluster")).withNodes(1);
        String clusterId;
        try (LocalKafkaCluster started = LocalKafkaCluster.start(options)) {
            started.createTopic("left-behind", 1, 1);
            clusterId = started.admin().describeCluster().clusterId().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        LocalKafkaCluster.wipe(options.home());

        assertThat(LocalKafkaCluster.existing(options.home())).as("지운 뒤에는 상태 파일이 없어야 합니다").isEmpty();
        try (LocalKafkaCluster fresh = LocalKafkaCluster.start(options)) {
            assertThat(fresh.admin().listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS)).doesNotContain("left-behind");
            assertThat(fresh.admin().describeCluster().clusterId().get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotEqualTo(clusterId);
        } finally {
            LocalKafkaCluster.existing(options.home()).orElseThrow().shutdown();
        }
    }
}
