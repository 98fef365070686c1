package kafkacourse.lab10;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import kafkacourse.kit.Clients;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 10 — 3. 중복을 거르는 컨슈머")
class OrderEventConsumerTest {

    private final KafkaCluster cluster;
    private final LabTopics topics;

    OrderEventConsumerTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("이력 서비스는 이벤트마다 한 번, 주문마다 순서대로 이력을 쓰고, 처리한 뒤 오프셋을 토픽 끝까지 커밋한다")
    @Hint("HINTS.ko.md#3 — 레코드마다 db.call(tx -> ...) 한 번, 모두 끝난 뒤 consumer.commitSync(). — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void appliesEveryEventOnceInOrder() {
        Scenario world = Scenario.create(cluster, topics);
        List<OrderEvent> events = publishDirectly(world, 4, false);
        world.drainConsumer(CrashPoint.NONE);

        Scenario.Verdict verdict = world.verdict(true);
        Observations.reportAs("이력 서비스, 장애 없음", "%s%s", verdict.line(), verdict.details());
        assertThat(world.timeline()).as("주문 이력의 이벤트 ID (이벤트마다 한 줄)").extracting(t -> t[1])
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        assertThat(verdict.outOfOrder()).as("주문마다 이력이 생성 → 결제 → 배송 순서여야 합니다").isEmpty();
        assertThat(world.committedOffsets()).as("그룹이 커밋한 오프셋: 토픽의 끝").isEqualTo(world.endOffsets());
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("같은 이벤트가 두 번 와도(중계기는 최소 한 번) 이력에는 한 번만 적용된다")
    @Hint("HINTS.ko.md#3 — processed_events 에 eventId 가 있으면 건너뛰고, 없으면 넣고 Timeline.append 를 같은 트랜잭션에서. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void duplicatesAreAppliedOnce() {
        Scenario world = Scenario.create(cluster, topics);
        List<OrderEvent> events = publishDirectly(world, 3, true);
        world.drainConsumer(CrashPoint.NONE);

        Scenario.Verdict verdict = world.verdict(true);
        Observations.reportAs("이력 서비스, 모든 이벤트가 두 번씩", "%s%s", verdict.line(), verdict.details());
        assertThat(verdict.records()).as("토픽 레코드 수 (이벤트마다 두 번)").isEqualTo(2 * events.size());
        assertThat(verdict.appliedTwice()).as("두 번 이상 적용된 이벤트: 이벤트 ID 로 중복을 걸러야 합니다").isEmpty();
        assertThat(verdict.notApplied()).as("적용되지 않은 이벤트").isEmpty();
        assertThat(verdict.outOfOrder()).as("주문마다 이력 순서").isEmpty();
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("이력 서비스의 컨슈머는 자동 커밋을 끄고, 새 그룹은 첫 이벤트부터 읽는다")
    @Hint("HINTS.ko.md#3 — enable.auto.commit=false, auto.offset.reset=earliest. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void consumerSettings() {
        Properties p = OutboxConfig.eventConsumer(cluster.clientProperties(), "g");
        assertThat(p.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))
                .as("enable.auto.commit: 자동 커밋은 DB 트랜잭션과 상관없이 오프셋을 커밋합니다 → \"false\" (기본값 true)").isEqualTo("false");
        assertThat(p.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).as("auto.offset.reset: 새 그룹이 첫 이벤트부터 → \"earliest\"").isEqualTo("earliest");
        assertThat(p.getProperty(ConsumerConfig.GROUP_ID_CONFIG)).as("group.id").isEqualTo("g");
        assertThat(p.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).as("cluster 의 설정(bootstrap.servers)을 복사해야 합니다")
                .isEqualTo(cluster.clientProperties().getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * The events of {@code orders} orders written straight to the topic by the test, keyed by order id, in lifecycle
     * order (each one {@code twice} if asked, as an at-least-once relay would after a crash), and the matching orders
     * written into the orders DB so that the verdict sees them.
     */
    static List<OrderEvent> publishDirectly(Scenario world, int orders, boolean twice) {
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 1; i <= orders; i++) {
            String id = "order-" + i;
            events.add(OrderEvent.created(id, Scenario.amountOf(id)));
            events.add(OrderEvent.paid(id));
            events.add(OrderEvent.shipped(id));
        }
        try (DbSession s = world.ordersDb.connect("준비")) {
            s.run(tx -> {
                for (int i = 1; i <= orders; i++) {
                    tx.update("INSERT INTO orders(order_id, amount, status) VALUES (?, ?, 'SHIPPED')", "order-" + i, Scenario.amountOf("order-" + i));
                }
            });
        }
        try (KafkaProducer<String, String> producer = Clients.producer(world.cluster)) {
            for (int round = 0; round < (twice ? 2 : 1); round++) {
                for (OrderEvent e : events) {
                    producer.send(new ProducerRecord<>(world.topic, e.orderId(), e.toJson()));
                }
            }
            producer.flush();
        }
        return events;
    }
}
