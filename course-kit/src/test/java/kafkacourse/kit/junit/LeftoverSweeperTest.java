package kafkacourse.kit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.Clients;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A graded run on a reused cluster leaves no topic and no group behind: the cluster is back where it started. */
@KafkaLab
@DisplayName("채점이 만든 토픽과 그룹은 끝나면 지워진다")
class LeftoverSweeperTest {

    private final KafkaCluster cluster;

    LeftoverSweeperTest(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    @DisplayName("토픽·파생 토픽(.DLT)·커밋한 그룹을 지우고, 이 실행이 만들지 않은 토픽은 남긴다")
    void sweepRestoresTheTopicCount() throws Exception {
        String foreign = "not-from-this-run-" + System.nanoTime();
        cluster.createTopic(foreign, 1, 3);
        Set<String> before = topics();

        String orders = UniqueNames.of("orders");
        cluster.createTopic(orders, 3, 3);
        cluster.createTopic(orders + ".DLT", 1, 3);
        try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
            producer.send(new ProducerRecord<>(orders, "k", "v")).get(10, TimeUnit.SECONDS);
        }
        String group = UniqueNames.of("payment-service");
        List<ConsumerRecord<String, String>> read = Clients.consume(cluster, orders, group, 1);
        assertThat(read).hasSize(1);
        assertThat(groups()).contains(group);

        LeftoverSweeper.Swept swept = LeftoverSweeper.sweep(cluster.admin(), Set.of(orders, group));

        assertThat(swept.topics()).containsExactlyInAnyOrder(orders, orders + ".DLT");
        assertThat(swept.groups()).containsExactly(group);
        await("지운 토픽이 목록에서 사라져 토픽 수가 처음과 같아지기를").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> topics().equals(before));
        assertThat(groups()).doesNotContain(group);
        assertThat(topics()).contains(foreign);
        cluster.admin().deleteTopics(List.of(foreign)).all().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("이름 규칙: 발급한 이름과 그 이름에서 파생된 이름만 지운다")
    void onlyIssuedNamesAndTheirDerivativesMatch() {
        Set<String> issued = Set.of("orders-1a2b3c4d");
        assertThat(UniqueNames.isIssued("orders-1a2b3c4d", issued)).isTrue();
        assertThat(UniqueNames.isIssued("orders-1a2b3c4d.DLT", issued)).isTrue();
        assertThat(UniqueNames.isIssued("orders-1a2b3c4d-retry-0", issued)).isTrue();
        assertThat(UniqueNames.isIssued("orders-1a2b3c4", issued)).isFalse();
        assertThat(UniqueNames.isIssued("orders", issued)).isFalse();
        assertThat(UniqueNames.isIssued("x-orders-1a2b3c4d", issued)).isFalse();
    }

    private Set<String> topics() throws Exception {
        return cluster.admin().listTopics(new ListTopicsOptions().listInternal(false)).names().get(10, TimeUnit.SECONDS);
    }

    private Set<String> groups() throws Exception {
        return cluster.admin().listGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(g -> g.groupId()).collect(java.util.stream.Collectors.toSet());
    }
}
