package kafkacourse.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The notebook client helpers against the live cluster: topic, produce, consume with commit, clean-up. */
@KafkaLab
@DisplayName("노트북용 클라이언트 도우미")
class ClientsTest {

    private final KafkaCluster cluster;

    ClientsTest(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    @DisplayName("만든 토픽에 보낸 레코드를 그룹으로 읽고, 커밋 뒤 같은 그룹은 다시 받지 않으며, 만든 토픽은 지워진다")
    void produceConsumeCommitAndCleanUp() throws Exception {
        String topic = Clients.newTopic(cluster, "clients", 3, 3);
        try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
            for (int i = 0; i < 9; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
            }
        }
        String group = UniqueNames.of("readers");

        List<ConsumerRecord<String, String>> first = Clients.consume(cluster, topic, group, 9);
        assertThat(first).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8");
        assertThat(Clients.consume(cluster, topic, group, 1, Duration.ofSeconds(2)))
                .as("커밋한 그룹은 이미 읽은 레코드를 다시 받지 않습니다").isEmpty();

        assertThat(Clients.deleteCreatedTopics(cluster)).containsExactly(topic);
        await("지운 토픽이 목록에서 사라지기를").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> !cluster.admin().listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
    }
}
