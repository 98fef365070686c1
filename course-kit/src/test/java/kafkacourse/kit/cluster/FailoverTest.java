package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.names.UniqueNames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared private cluster survives real SIGKILLs: leaders move, the quorum re-elects, restarted nodes rejoin. */
@KafkaLab
@DisplayName("클러스터: 장애 조치")
class FailoverTest {

    private final KafkaCluster cluster;

    FailoverTest(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    @DisplayName("리더를 SIGKILL 하면 ISR 안의 다른 노드가 리더가 되고, 재시작한 노드는 ISR에 다시 들어온다")
    void killedLeaderIsReplacedFromIsrAndRejoinsAfterRestart() {
        String topic = UniqueNames.of("failover");
        cluster.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = cluster.leaderOf(topic, 0);
        List<Integer> isrBefore = cluster.isrOf(topic, 0);

        long killedAt = System.nanoTime();
        cluster.kill(leader);
        int newLeader = await("SIGKILL 된 노드 " + leader + " 대신 새 리더가 선출되기를").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> cluster.leaderOf(topic, 0), l -> l != -1 && l != leader);
        System.out.printf("[측정] 리더 교체(SIGKILL → 새 리더 보임): %.2f초%n", (System.nanoTime() - killedAt) / 1e9);

        assertThat(isrBefore).as("새 리더는 장애 전 ISR 안에서 나와야 합니다").contains(newLeader);
        await("ISR에서 죽은 노드가 빠지기를").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cluster.isrOf(topic, 0), isr -> !isr.contains(leader) && isr.size() == 2);

        cluster.start(leader);
        cluster.awaitIsrFull(topic);
        assertThat(cluster.isrOf(topic, 0)).as("재시작한 노드가 ISR에 다시 들어와야 합니다")
                .containsExactlyInAnyOrderElementsOf(cluster.replicasOf(topic, 0));
    }

    @Test
    @DisplayName("활성 KRaft 컨트롤러를 SIGKILL 하면 남은 노드 중에서 새 컨트롤러가 선출된다")
    void killingTheActiveControllerElectsAnother() {
        int controller = cluster.activeController();

        long killedAt = System.nanoTime();
        cluster.kill(controller);
        int next = await("새 활성 컨트롤러 선출").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(cluster::activeController, c -> c != controller);
        System.out.printf("[측정] 컨트롤러 재선출: %.2f초%n", (System.nanoTime() - killedAt) / 1e9);

        assertThat(cluster.nodeIds()).contains(next);
        assertThat(cluster.runningNodes()).doesNotContain(controller).contains(next);
        cluster.start(controller);
        assertThat(cluster.runningNodes()).containsExactlyInAnyOrderElementsOf(cluster.nodeIds());
    }

    @Test
    @DisplayName("정상 종료(stop)한 노드는 리더를 넘기고 내려가며, start 로 다시 올라온다")
    void gracefulStopMovesLeadershipAndStartBringsTheNodeBack() {
        String topic = UniqueNames.of("graceful");
        cluster.createTopic(topic, 3, 3);
        int node = cluster.leaderOf(topic, 0);

        cluster.stop(node);
        assertThat(cluster.runningNodes()).doesNotContain(node);
        await("정상 종료된 노드의 리더십이 넘어가기를").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> cluster.leaderOf(topic, 0), l -> l != -1 && l != node);

        cluster.start(node);
        cluster.awaitAllBrokersReady();
        cluster.awaitIsrFull(topic);
        assertThat(cluster.runningNodes()).containsExactlyInAnyOrderElementsOf(cluster.nodeIds());
    }
}
