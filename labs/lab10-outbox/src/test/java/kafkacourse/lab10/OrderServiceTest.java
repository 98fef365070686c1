package kafkacourse.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 10 — 1. 주문과 아웃박스를 한 트랜잭션으로")
class OrderServiceTest {

    private final KafkaCluster cluster;
    private final LabTopics topics;

    OrderServiceTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("나란히 보기: 원본 5.5 를 DB 커밋 → 발행 순서로 돌리다 그 사이에 죽으면 이벤트 없는 주문이 남고, 아웃박스는 어디서 죽어도 주문과 이벤트 행이 함께 있다")
    @Hint("HINTS.ko.md#1 — 주문 행과 outbox 행을 db.run(tx -> { ... }) 한 번 안에서 쓰세요. 따로 커밋하면 그 사이에 죽을 때 한쪽만 남습니다. — 노트북 05 '5.5 보충: 원본 예제는 DB 저장과 Kafka 발행을 묶지 못합니다'")
    void commitThenSendLosesTheEventButTheOutboxDoesNot() {
        Scenario naiveWorld = Scenario.create(cluster, topics);
        try (NaiveOrderService naive = new NaiveOrderService(naiveWorld.ordersDb.connect("원본 5.5", CrashPoint.at("원본 5.5: " + DbSession.AFTER_COMMIT, 1)),
                cluster.clientProperties(), naiveWorld.topic, UniqueNames.of("naive-tx"))) {
            assertThatThrownBy(() -> naive.placeOrderCommitThenSend("order-1", 1000)).isInstanceOf(SimulatedCrash.class);
        }
        Scenario.Verdict naiveVerdict = naiveWorld.verdict(false);
        Observations.reportAs("원본 5.5, DB 커밋 → 발행, 그 사이에 죽음", "%s%s", naiveVerdict.line(), naiveVerdict.details());
        assertThat(naiveVerdict.ordersWithoutEvent()).as("(주어진 코드의 시연) 원본 방식은 이벤트 없는 주문을 남깁니다").containsExactly("order-1:ORDER_CREATED");

        List<String> problems = new ArrayList<>();
        List<Scenario.Command> commands = Scenario.commands(3);
        RecordingCrashPoint dry = RecordingCrashPoint.recording();
        Scenario clean = Scenario.create(cluster, topics);
        clean.runCommands(commands, dry);
        checkOrdersMatchOutbox(clean, "장애 없음", problems);
        // Die at every boundary of the first place() and at those of the first pay(), one world each.
        for (int index : List.of(0, 1, 2, 6, 7, 8)) {
            Scenario world = Scenario.create(cluster, topics);
            RecordingCrashPoint crash = RecordingCrashPoint.crashingAt(index);
            world.runCommands(commands, crash);
            assertThat(crash.crashedAt()).as("장애 지점 %d번째 경계에 와야 합니다", index + 1).isNotNull();
            checkOrdersMatchOutbox(world, crash.crashedAt(), problems);
        }
        assertThat(problems).as("주문 행과 outbox 행이 어긋난 경우 (주문 서비스가 어디서 죽든 둘은 함께 있거나 함께 없어야 합니다)").isEmpty();
        assertThat(dry.trace()).as("주문 서비스가 지나간 트랜잭션 경계: 명령 하나 = DB 트랜잭션 하나(시작·커밋 직전·커밋 직후)여야 합니다")
                .hasSize(3 * commands.size());
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("나란히 보기: 원본 5.5 그대로(@Transactional 안에서 executeInTransaction)는 DB 가 롤백돼도 이벤트가 남고, 아웃박스는 롤백되면 이벤트도 없다")
    @Hint("HINTS.ko.md#1 — outbox 행은 주문과 같은 트랜잭션이라 롤백도 함께 됩니다. Kafka 에는 아직 아무것도 보내지 않았습니다. — 노트북 05 '5.5 보충: 원본 예제는 DB 저장과 Kafka 발행을 묶지 못합니다'")
    void sendThenRollbackInventsAnEventButTheOutboxDoesNot() {
        Scenario naiveWorld = Scenario.create(cluster, topics);
        try (NaiveOrderService naive = new NaiveOrderService(naiveWorld.ordersDb.connect("원본 5.5", CrashPoint.at("원본 5.5: " + DbSession.BEFORE_COMMIT, 1)),
                cluster.clientProperties(), naiveWorld.topic, UniqueNames.of("naive-tx"))) {
            assertThatThrownBy(() -> naive.placeOrderAsWritten("order-1", 1000)).isInstanceOf(SimulatedCrash.class);
        }
        Scenario.Verdict naiveVerdict = naiveWorld.verdict(false);
        Observations.reportAs("원본 5.5 그대로, 발행 → DB 롤백", "%s%s", naiveVerdict.line(), naiveVerdict.details());
        assertThat(naiveVerdict.eventsWithoutOrder()).as("(주어진 코드의 시연) 원본 방식은 주문 없는 이벤트를 남깁니다 (read_committed 로도 보임)")
                .containsExactly("order-1:ORDER_CREATED (주문 없음)");
        assertThat(TopicReader.readAll(cluster, naiveWorld.topic, IsolationLevel.READ_COMMITTED)).as("read_committed 로 본 원본 방식의 이벤트").hasSize(1);

        Scenario world = Scenario.create(cluster, topics);
        try (OrderService service = new OrderService(world.ordersDb.connect("주문 서비스", CrashPoint.at("주문 서비스: " + DbSession.BEFORE_COMMIT, 1)))) {
            boolean crashed = false;
            try {
                service.placeOrder("order-1", 1000);
            } catch (SimulatedCrash expected) {
                crashed = true;
            }
            assertThat(crashed).as("주문 서비스의 커밋 직전에 장애 흉내가 일어나야 합니다: db.run 안에서 쓰세요").isTrue();
        }
        assertThat(world.orders()).as("커밋 직전에 죽은 주문: DB 에 없어야 합니다").isEmpty();
        assertThat(world.outbox()).as("커밋 직전에 죽은 주문의 outbox 행: 주문과 함께 롤백되어 없어야 합니다").isEmpty();
        world.runCommands(List.of(new Scenario.Command("place", "order-1")), CrashPoint.NONE);
        assertThat(world.outbox()).as("다시 시도한 주문의 outbox 행").extracting(OutboxRow::aggregateId).containsExactly("order-1");
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("명령마다 outbox 행이 하나씩 생긴다: 만든 순서, 이벤트 종류, 값(JSON), 서로 다른 이벤트 ID. 없는 주문의 결제는 거절되고 행을 남기지 않는다")
    @Hint("HINTS.ko.md#1 — outbox(event_id, aggregate_id, event_type, payload) = (event.eventId(), 주문 ID, event.type(), event.toJson()). — 노트북 05 '5.5 보충: 원본 예제는 DB 저장과 Kafka 발행을 묶지 못합니다'")
    void everyCommandWritesOneOutboxRow() {
        Scenario world = Scenario.create(cluster, topics);
        List<Scenario.Command> commands = Scenario.commands(3);
        world.runCommands(commands, CrashPoint.NONE);
        try (OrderService service = new OrderService(world.ordersDb.connect("주문 서비스"))) {
            assertThatThrownBy(() -> service.pay("order-404")).as("없는 주문의 결제: IllegalStateException").isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> service.ship("order-1")).as("이미 배송한 주문을 또 배송: IllegalStateException").isInstanceOf(IllegalStateException.class);
        }

        List<OutboxRow> rows = world.outbox();
        assertThat(rows).as("outbox 행 (만든 순서): 명령 %s 마다 하나", commands)
                .extracting(r -> r.eventType() + "(" + r.aggregateId() + ")")
                .containsExactlyElementsOf(commands.stream().map(c -> switch (c.kind()) {
                    case "place" -> OrderEvent.CREATED;
                    case "pay" -> OrderEvent.PAID;
                    default -> OrderEvent.SHIPPED;
                } + "(" + c.orderId() + ")").toList());
        for (OutboxRow row : rows) {
            OrderEvent event = OrderEvent.parse(row.payload());
            assertThat(event).as("outbox 행의 payload 는 그 행의 이벤트를 toJson() 한 것").isEqualTo(new OrderEvent(row.eventId(), row.eventType(),
                    row.aggregateId(), event.type().equals(OrderEvent.CREATED) ? Scenario.amountOf(row.aggregateId()) : 0));
        }
        Set<UUID> ids = rows.stream().map(OutboxRow::eventId).collect(Collectors.toSet());
        assertThat(ids).as("이벤트 ID 는 이벤트마다 달라야 합니다").hasSize(rows.size());
        assertThat(world.orders()).as("주문 상태").isEqualTo(new TreeMap<>(Map.of("order-1", "SHIPPED", "order-2", "SHIPPED", "order-3", "SHIPPED")));
    }

    /** Every order has its outbox rows up to its status, and every outbox row has its order in (at least) that status. */
    private static void checkOrdersMatchOutbox(Scenario world, String where, List<String> problems) {
        Map<String, String> orders = world.orders();
        Map<String, List<String>> outbox = world.outbox().stream()
                .collect(Collectors.groupingBy(OutboxRow::aggregateId, TreeMap::new, Collectors.mapping(OutboxRow::eventType, Collectors.toList())));
        orders.forEach((order, status) -> {
            List<String> expected = OrderEvent.LIFECYCLE.subList(0, OrderEvent.LIFECYCLE.indexOf("ORDER_" + status) + 1);
            if (!expected.equals(outbox.getOrDefault(order, List.of()))) {
                problems.add("%s: 주문 %s 상태 %s, outbox %s".formatted(where, order, status, outbox.getOrDefault(order, List.of())));
            }
        });
        outbox.keySet().stream().filter(o -> !orders.containsKey(o))
                .forEach(o -> problems.add("%s: outbox 에 %s 가 있는데 주문이 없음".formatted(where, o)));
        Observations.reportAs("주문 ↔ outbox", "%s: 주문 %d건, outbox 행 %d개", where, orders.size(), outbox.values().stream().mapToInt(List::size).sum());
    }
}
