package kafkacourse.lab01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

import kafkacourse.kit.Clients;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 01 — 메시지 발행/구독")
class PubSubTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** How long nothing new arrives in the "empty poll is not the end" scenario: longer than any sensible poll timeout. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final KafkaCluster cluster;
    private final LabTopics topics;
    private String topic;

    PubSubTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @BeforeEach
    void createTopic() {
        topic = topics.create("orders", 3);
    }

    private List<Order> publish(int count) {
        List<Order> orders = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Order("order-" + i, "user-" + (i % 3), 1000L * i)).toList();
        try (OrderEventProducer producer = new OrderEventProducer(cluster.clientProperties(), topic)) {
            orders.forEach(producer::publishOrderCreated);
        }
        return orders;
    }

    private List<ConsumerRecord<String, String>> readAsGroup(String groupId, int expected) {
        try (OrderEventConsumer consumer = new OrderEventConsumer(cluster.clientProperties(), topic, groupId)) {
            return consumer.readAtLeast(expected, READ_TIMEOUT);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("발행하면 브로커가 기록한 위치(토픽·파티션·오프셋)를 돌려준다")
    @Hint("HINTS.ko.md#1 — send(...) 가 돌려주는 Future 의 get() 이 RecordMetadata 입니다. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void publishReturnsWhereTheBrokerWroteTheRecord() {
        RecordMetadata metadata;
        try (OrderEventProducer producer = new OrderEventProducer(cluster.clientProperties(), topic)) {
            metadata = producer.publishOrderCreated(new Order("order-42", "user-7", 42_000));
        }

        assertThat(metadata).as("publishOrderCreated 는 브로커의 응답(RecordMetadata)을 돌려줘야 합니다.").isNotNull();
        assertThat(metadata.topic()).as("RecordMetadata 의 토픽").isEqualTo(topic);
        assertThat(metadata.hasOffset()).as("브로커가 기록을 확인(ack)했다면 오프셋이 있어야 합니다.").isTrue();
        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("토픽에 실제로 저장된 레코드(파티션, 오프셋, 키)").extracting(ConsumerRecord::partition, ConsumerRecord::offset, ConsumerRecord::key)
                .containsExactly(tuple(metadata.partition(), metadata.offset(), "order-42"));
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("주문 ID가 키로, 이벤트 JSON이 값으로, eventType 헤더와 함께 저장된다")
    @Hint("HINTS.ko.md#1 — new ProducerRecord<>(topic, key, value) 와 record.headers().add(...). — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void recordCarriesKeyValueAndHeader() {
        List<Order> orders = publish(3);

        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("토픽에 저장된 (키, 값, eventType 헤더)")
                .extracting(ConsumerRecord::key, ConsumerRecord::value, r -> header(r, OrderEventProducer.EVENT_TYPE_HEADER))
                .containsExactlyInAnyOrderElementsOf(orders.stream()
                        .map(o -> tuple(o.orderId(), o.toCreatedEventJson(), "ORDER_CREATED")).toList());
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("구독한 컨슈머가 키·값·헤더를 발행한 그대로 받는다")
    @Hint("HINTS.ko.md#2 — subscribe 한 뒤 poll 을 반복해서 레코드를 모으세요. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void consumerReceivesRecordsIntact() {
        List<Order> orders = publish(5);

        List<ConsumerRecord<String, String>> received = readAsGroup(UniqueNames.of("payment-service"), orders.size());

        assertThat(received).as("컨슈머가 받은 (키, 값, eventType 헤더): 발행한 %d건이 그대로 와야 합니다", orders.size())
                .extracting(ConsumerRecord::key, ConsumerRecord::value, r -> header(r, OrderEventProducer.EVENT_TYPE_HEADER))
                .containsExactlyInAnyOrderElementsOf(orders.stream()
                        .map(o -> tuple(o.orderId(), o.toCreatedEventJson(), "ORDER_CREATED")).toList());
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("서로 다른 두 컨슈머 그룹은 각자 모든 메시지를 받는다 (발행/구독)")
    @Hint("HINTS.ko.md#2 — 그룹이 다르면 서로의 읽은 위치와 상관없이 따로 읽습니다. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void twoGroupsEachReceiveEverything() {
        List<Order> orders = publish(6);
        List<String> published = orders.stream().map(Order::orderId).toList();

        List<ConsumerRecord<String, String>> payment = readAsGroup(UniqueNames.of("payment-service"), orders.size());
        List<ConsumerRecord<String, String>> notification = readAsGroup(UniqueNames.of("notification-service"), orders.size());

        assertThat(payment).as("결제 서비스 그룹이 받은 주문 ID").extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(notification).as("알림 서비스 그룹이 받은 주문 ID: 결제 그룹이 먼저 읽었어도 전부 받아야 합니다")
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("발행이 끝난 뒤에 시작한 새 그룹도 처음 메시지부터 읽는다 (earliest)")
    @Hint("HINTS.ko.md#3 — 새 그룹에는 커밋된 오프셋이 없습니다. auto.offset.reset 의 기본값은 latest 입니다. — 노트북 01 §3 '새 서비스를 붙여 보기'")
    void lateGroupStartsFromEarliest() {
        List<Order> orders = publish(4);

        List<ConsumerRecord<String, String>> received = readAsGroup(UniqueNames.of("analytics"), orders.size());

        assertThat(received).as("나중에 시작한 새 그룹이 받은 주문 ID: 시작 전에 발행된 %d건을 모두 받아야 합니다", orders.size())
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(Order::orderId).toList());
        assertThat(received).as("파티션마다 첫 레코드는 오프셋 0부터 와야 합니다 (가장 오래된 메시지부터)")
                .filteredOn(r -> r.offset() == 0).extracting(ConsumerRecord::partition).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("같은 그룹의 새 컨슈머는 읽은 곳 다음부터 이어서 읽는다")
    @Hint("HINTS.ko.md#3 — 그룹의 읽은 위치(커밋된 오프셋)는 컨슈머가 닫혀도 브로커에 남습니다. — 노트북 01 §3 '새 서비스를 붙여 보기'")
    void sameGroupResumesAfterCommittedOffsets() {
        String group = UniqueNames.of("shipping-service");
        publish(3);
        List<ConsumerRecord<String, String>> first = readAsGroup(group, 3);
        assertThat(first).as("첫 번째 컨슈머가 받은 주문 ID").extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("order-1", "order-2", "order-3");

        try (OrderEventProducer producer = new OrderEventProducer(cluster.clientProperties(), topic)) {
            producer.publishOrderCreated(new Order("order-4", "user-1", 4000));
            producer.publishOrderCreated(new Order("order-5", "user-2", 5000));
        }
        List<ConsumerRecord<String, String>> second = readAsGroup(group, 2);

        assertThat(second).as("같은 그룹의 두 번째 컨슈머는 새로 발행된 주문만 받아야 합니다 (이미 읽은 1~3 은 다시 오지 않음)")
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("order-4", "order-5");
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("같은 그룹의 두 컨슈머가 동시에 읽으면 파티션을 나눠 맡아 각 레코드를 한 명만 받는다 (큐)")
    @Hint("HINTS.ko.md#2 — assign 으로 파티션을 직접 고르면 그룹에 참여하지 않습니다. subscribe 해야 그룹이 파티션을 멤버에게 나눠 줍니다. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void twoMembersOfOneGroupShareThePartitions() throws Exception {
        String shared = topics.create("orders-shared", 2);
        String group = UniqueNames.of("payment-service");
        int perPartition = 4;
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (OrderEventConsumer first = new OrderEventConsumer(cluster.clientProperties(), shared, group);
             OrderEventConsumer second = new OrderEventConsumer(cluster.clientProperties(), shared, group)) {
            Future<List<ConsumerRecord<String, String>>> fromFirst = readers.submit(() -> first.readAtLeast(perPartition, READ_TIMEOUT));
            Future<List<ConsumerRecord<String, String>>> fromSecond = readers.submit(() -> second.readAtLeast(perPartition, READ_TIMEOUT));
            try {
                await("두 컨슈머가 그룹 " + group + " 에 함께 참여해 파티션을 하나씩 배정받을 때까지")
                        .atMost(READ_TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> fromFirst.isDone() || fromSecond.isDone() || cluster.membersHoldingPartitions(group) == 2);
                if (fromFirst.isDone() || fromSecond.isDone()) {
                    result(fromFirst);
                    result(fromSecond);
                }
                assertThat(cluster.membersHoldingPartitions(group))
                        .as("그룹 %s 에서 파티션을 배정받은 멤버 수: 두 컨슈머 모두 subscribe 로 그룹에 참여해야 합니다", group).isEqualTo(2);
                try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
                    for (int partition = 0; partition < 2; partition++) {
                        for (int i = 1; i <= perPartition; i++) {
                            producer.send(new ProducerRecord<>(shared, partition, "order-" + partition + "-" + i, "{}")).get(30, TimeUnit.SECONDS);
                        }
                    }
                }
            } catch (Exception | AssertionError failure) {
                // 컨슈머는 스레드 하나에서만 써야 하므로, 닫기 전에 읽기가 끝나기를 기다립니다.
                readers.shutdown();
                readers.awaitTermination(READ_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
                throw failure;
            }
            List<String> keysA = result(fromFirst).stream().map(ConsumerRecord::key).toList();
            List<String> keysB = result(fromSecond).stream().map(ConsumerRecord::key).toList();
            Observations.report("같은 그룹의 두 멤버가 받은 주문: 첫째 %s, 둘째 %s", keysA, keysB);
            assertThat(keysA).as("첫째 멤버가 받은 주문 ID: 둘째 멤버가 받은 것(%s)과 겹치면 안 됩니다 — 한 그룹에서는 레코드마다 한 멤버만 받습니다", keysB)
                    .doesNotContainAnyElementsOf(keysB).isNotEmpty();
            assertThat(keysB).as("둘째 멤버가 받은 주문 ID: 일을 나눠 받아야 합니다").isNotEmpty();
            List<String> all = new ArrayList<>(keysA);
            all.addAll(keysB);
            assertThat(all).as("두 멤버가 받은 주문 ID를 합치면 발행한 %d건이 정확히 한 번씩", 2 * perPartition)
                    .doesNotHaveDuplicates().hasSize(2 * perPartition);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("readAtLeast 는 poll 로 받은 레코드를 버리지 않는다 — 같은 그룹이 나눠 읽어도 한 건도 빠지지 않는다")
    @Hint("HINTS.ko.md#2 — poll 이 돌려준 레코드는 그룹의 위치를 옮깁니다. count 보다 많이 받았다고 잘라 내면 그 레코드는 그룹에서 사라집니다. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void readAtLeastKeepsEverythingItPolled() {
        // 파티션이 하나라서 한 번의 poll 이 보통 여러 건을 함께 돌려줍니다 (1건만 달라고 해도).
        topic = topics.create("orders-single", 1);
        String group = UniqueNames.of("billing-service");
        List<Order> orders = publish(6);

        List<ConsumerRecord<String, String>> first = readAsGroup(group, 1);
        assertThat(first).as("첫 컨슈머가 받은 레코드: 적어도 1건").isNotEmpty();
        List<ConsumerRecord<String, String>> rest = readAsGroup(group, orders.size() - first.size());

        List<String> all = new ArrayList<>(first.stream().map(ConsumerRecord::key).toList());
        all.addAll(rest.stream().map(ConsumerRecord::key).toList());
        Observations.report("같은 그룹이 이어서 읽은 주문: 첫 컨슈머 %s, 다음 컨슈머 %s", first.stream().map(ConsumerRecord::key).toList(),
                rest.stream().map(ConsumerRecord::key).toList());
        assertThat(all).as("같은 그룹의 두 컨슈머가 차례로 받은 주문 ID를 합치면 발행한 %d건이 정확히 한 번씩이어야 합니다 "
                        + "(첫 컨슈머가 poll 로 받고 돌려주지 않은 레코드는 커밋된 위치 뒤로 사라집니다)", orders.size())
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(Order::orderId).toList());
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("빈 poll 은 끝이 아니다 — 읽는 도중에 나중에 발행된 레코드도 timeout 안에서 기다려 받는다")
    @Hint("HINTS.ko.md#2 — poll 이 빈 결과를 돌려줘도 토픽이 끝난 것이 아닙니다. count 건을 받거나 timeout 이 지날 때까지 계속 poll 하세요. — 노트북 05 §5.1 '메시지 발행/구독 (Pub/Sub)'")
    void emptyPollDoesNotEndTheRead() throws Exception {
        String group = UniqueNames.of("inventory-service");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (OrderEventConsumer consumer = new OrderEventConsumer(PolledRecords.counting(cluster.clientProperties()), topic, group)) {
            Future<List<ConsumerRecord<String, String>>> reading = reader.submit(() -> consumer.readAtLeast(4, READ_TIMEOUT));
            try (OrderEventProducer producer = new OrderEventProducer(cluster.clientProperties(), topic)) {
                producer.publishOrderCreated(new Order("order-1", "user-1", 1000));
                producer.publishOrderCreated(new Order("order-2", "user-2", 2000));
                // 컨슈머가 앞의 2건을 poll 로 받은 것이 보이면(테스트가 설정에 끼운 인터셉터, 또는 그룹의 커밋), 읽기가 아직
                // 끝나지 않았을 때 나머지를 보냅니다.
                await("컨슈머가 앞의 2건을 poll 로 받을 때까지")
                        .atMost(READ_TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> reading.isDone() || PolledRecords.of(group) >= 2
                                || cluster.committedOffsets(group).values().stream().mapToLong(Long::longValue).sum() >= 2);
                // 이 시나리오의 핵심: 2건을 받은 뒤 아무것도 오지 않는 2초 동안에도 읽기는 끝나지 않아야 합니다(그동안 poll 은 빈 결과).
                try {
                    await("새 레코드가 없는 " + QUIET.toSeconds() + "초 동안 readAtLeast 가 계속 읽기").during(QUIET)
                            .atMost(QUIET.plusSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> !reading.isDone());
                } catch (ConditionTimeoutException e) {
                    // readAtLeast returned during the quiet time: the assertion below says what it had
                }
                producer.publishOrderCreated(new Order("order-3", "user-0", 3000));
                producer.publishOrderCreated(new Order("order-4", "user-1", 4000));
            }
            List<ConsumerRecord<String, String>> received = result(reading);
            assertThat(received).as("readAtLeast(4, ...) 가 받은 주문 ID: 2건을 받은 뒤 빈 poll 이 와도 멈추지 말고 나중에 발행된 2건까지 받아야 합니다")
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4");
        } finally {
            reader.shutdown();
            reader.awaitTermination(READ_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> result(Future<List<ConsumerRecord<String, String>>> reading) throws Exception {
        try {
            return reading.get(READ_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
