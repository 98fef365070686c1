package kafkacourse.lab02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafkacourse.kit.Clients;
import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 02 — 파티셔닝과 키 해싱")
class PartitioningTest {

    private final KafkaCluster cluster;
    private final LabTopics topics;

    PartitioningTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    // ───────────────────────── helpers (the test's own producer, independent of learner code) ─────────────────────────

    /** A plain producer with Kafka's defaults: the reference for "where does the real producer put a key". */
    private KafkaProducer<String, String> defaultProducer() {
        return Clients.producer(cluster);
    }

    /** Sends one record per key (value = round + ":" + key) and waits until all are acknowledged. */
    private void sendKeyed(KafkaProducer<String, String> producer, String topic, List<String> keys, String round) {
        keys.forEach(k -> producer.send(new ProducerRecord<>(topic, k, round + ":" + k)));
        producer.flush();
    }

    /** key → partition of the records of one round, as stored in the topic. */
    private static Map<String, Integer> placement(List<ConsumerRecord<String, String>> records, String round) {
        Map<String, Integer> where = new TreeMap<>();
        records.stream().filter(r -> r.value().startsWith(round + ":")).forEach(r -> where.put(r.key(), r.partition()));
        return where;
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    private static String mismatches(Map<String, Integer> actual, Function<String, Integer> predicted) {
        return actual.entrySet().stream().filter(e -> !e.getValue().equals(predicted.apply(e.getKey()))).limit(5)
                .map(e -> "키 '" + e.getKey() + "': 실제 파티션 " + e.getValue() + ", partitionFor 계산 " + predicted.apply(e.getKey()))
                .collect(Collectors.joining("; "));
    }

    /** Keyless values of about 100 bytes, numbered so that the send order can be read back from the topic. */
    private static List<String> numberedValues(int count) {
        return IntStream.range(0, count).mapToObj(i -> "msg-%04d-".formatted(i) + "x".repeat(90)).toList();
    }

    /** The partition of each numbered value, in send order, read from what the topic really holds. */
    private List<Integer> partitionsInSendOrder(String topic, int count) {
        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("토픽에 저장된 레코드 수: 보낸 %d건이 모두 있어야 합니다", count).hasSize(count);
        Integer[] partitions = new Integer[count];
        stored.forEach(r -> partitions[Integer.parseInt(r.value().substring(4, 8))] = r.partition());
        return List.of(partitions);
    }

    private static int runCount(List<Integer> sequence) {
        return (int) IntStream.range(0, sequence.size()).filter(i -> i == 0 || !sequence.get(i).equals(sequence.get(i - 1))).count();
    }

    // ───────────────────────── 1. key → partition ─────────────────────────

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("partitionFor 는 실제 프로듀서가 키 300개를 넣은 파티션과 모두 같다 (파티션 6개)")
    @Hint("HINTS.ko.md#1 — 직렬화한 키 바이트의 murmur2 해시, 양수로 만든 뒤 파티션 수로 나눈 나머지. hashCode() 가 아닙니다. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void partitionForMatchesTheRealProducer() {
        String topic = topics.create("customers", 6);
        List<String> keys = new ArrayList<>(keys("customer-", 200));
        keys.addAll(keys("고객-", 100));
        try (KafkaProducer<String, String> producer = defaultProducer()) {
            sendKeyed(producer, topic, keys, "r1");
        }

        Map<String, Integer> actual = placement(TopicReader.readAll(cluster, topic), "r1");

        assertThat(actual).as("토픽에 실제로 저장된 키 수").hasSize(keys.size());
        assertThat(mismatches(actual, k -> KeyPartitioning.partitionFor(k, 6)))
                .as("partitionFor(key, 6) 가 실제 프로듀서가 고른 파티션과 다른 키 (처음 5개). 기대: 없음. "
                        + "힌트: HINTS.ko.md#1 — Utils.murmur2(키의 UTF-8 바이트), Utils.toPositive, % 파티션 수")
                .isEmpty();
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("partitionFor 는 파티션 수(2개, 7개)에 맞춰 실제 프로듀서와 같은 답을 낸다")
    @Hint("HINTS.ko.md#1 — 파티션 수는 인자로 받은 값을 쓰세요. 음수 해시는 Math.abs 가 아니라 toPositive 로. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void partitionForFollowsThePartitionCount() {
        for (int partitions : new int[] {2, 7}) {
            String topic = topics.create("payments", partitions);
            List<String> keys = keys("user-", 120);
            try (KafkaProducer<String, String> producer = defaultProducer()) {
                sendKeyed(producer, topic, keys, "r1");
            }
            Map<String, Integer> actual = placement(TopicReader.readAll(cluster, topic), "r1");
            int n = partitions;
            assertThat(mismatches(actual, k -> KeyPartitioning.partitionFor(k, n)))
                    .as("파티션 %d개 토픽에서 partitionFor(key, %d) 가 실제와 다른 키 (처음 5개). 기대: 없음. 힌트: HINTS.ko.md#1", n, n)
                    .isEmpty();
        }
    }

    // ───────────────────────── 2. per-key ordering ─────────────────────────

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("같은 주문의 이벤트는 한 파티션에 보낸 순서대로 저장된다")
    @Hint("HINTS.ko.md#2 — 어떤 값을 키로 삼아야 같은 주문의 이벤트가 한 파티션에 모일까요? — 노트북 05 §5.2 '파티셔닝과 병렬 처리'")
    void eventsOfOneOrderStayInOnePartitionInOrder() {
        String topic = topics.create("order-events", 3);
        List<String> statuses = List.of("CREATED", "PAID", "PACKED", "SHIPPED", "DELIVERED");
        // Interleaved like real traffic: step 1 of every order, then step 2 of every order, ...
        List<OrderEvent> events = new ArrayList<>();
        for (int step = 1; step <= statuses.size(); step++) {
            for (int order = 1; order <= 20; order++) {
                events.add(new OrderEvent("order-" + order, step, statuses.get(step - 1)));
            }
        }

        List<RecordMetadata> written;
        try (OrderEventPublisher publisher = new OrderEventPublisher(cluster.clientProperties(), topic)) {
            written = publisher.publishAll(events);
        }

        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("토픽에 저장된 이벤트 수").hasSize(events.size());
        Map<String, Set<Integer>> partitionsPerKey = new TreeMap<>();
        Map<String, List<String>> valuesPerKey = new LinkedHashMap<>();
        stored.forEach(r -> {
            String key = r.key() == null ? "(키 없음)" : r.key();
            partitionsPerKey.computeIfAbsent(key, k -> new TreeSet<>()).add(r.partition());
            valuesPerKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r.value()); // partition, then offset order
        });
        assertThat(partitionsPerKey.keySet()).as("저장된 레코드의 키: 주문 ID 여야 합니다 (힌트: HINTS.ko.md#2)")
                .containsExactlyInAnyOrderElementsOf(events.stream().map(OrderEvent::orderId).distinct().toList());
        assertThat(partitionsPerKey).as("주문 ID별로 이벤트가 저장된 파티션들: 주문마다 정확히 한 파티션이어야 합니다")
                .allSatisfy((order, partitions) -> assertThat(partitions).as("주문 %s 의 파티션", order).hasSize(1));
        for (int order = 1; order <= 20; order++) {
            String id = "order-" + order;
            assertThat(valuesPerKey.get(id)).as("주문 %s 의 이벤트를 파티션 안의 오프셋 순서로 읽은 것: 보낸 순서(1→5)와 같아야 합니다", id)
                    .containsExactlyElementsOf(events.stream().filter(e -> e.orderId().equals(id)).map(OrderEvent::toJson).toList());
        }
        assertThat(written).as("publishAll 이 돌려준 RecordMetadata: 보낸 이벤트마다 하나씩, 보낸 순서대로").hasSize(events.size());
        Map<String, String> valueAt = stored.stream().collect(Collectors.toMap(r -> r.partition() + "@" + r.offset(), ConsumerRecord::value));
        assertThat(IntStream.range(0, events.size()).filter(i -> !events.get(i).toJson()
                        .equals(valueAt.get(written.get(i).partition() + "@" + written.get(i).offset()))).boxed().toList())
                .as("RecordMetadata(파티션, 오프셋)가 가리키는 레코드가 그 이벤트가 아닌 순번: 기대: 없음").isEmpty();
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("서로 다른 주문들의 이벤트는 여러 파티션에 나뉘어 병렬로 처리될 수 있다")
    @Hint("HINTS.ko.md#2 — 모든 레코드에 같은 키(예: 토픽 이름)를 주면 순서는 지켜지지만 파티션 하나만 일합니다. — 노트북 05 §5.2 '파티셔닝과 병렬 처리'")
    void differentOrdersSpreadOverPartitions() {
        String topic = topics.create("order-events", 3);
        List<OrderEvent> events = IntStream.rangeClosed(1, 30).mapToObj(i -> new OrderEvent("order-" + i, 1, "CREATED")).toList();

        try (OrderEventPublisher publisher = new OrderEventPublisher(cluster.clientProperties(), topic)) {
            publisher.publishAll(events);
        }

        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("토픽에 저장된 이벤트 수").hasSize(events.size());
        assertThat(stored.stream().map(ConsumerRecord::partition).collect(Collectors.<Integer, TreeSet<Integer>>toCollection(TreeSet::new)))
                .as("주문 30개의 이벤트가 들어간 파티션들: 파티션 3개가 모두 쓰여야 컨슈머 3개가 나눠 처리할 수 있습니다")
                .containsExactly(0, 1, 2);
    }

    // ───────────────────────── 3. keyless records: sticky batching ─────────────────────────

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("키 없는 레코드는 하나씩 번갈아 가지 않고 배치 단위로 여러 파티션에 나뉜다 (sticky)")
    @Hint("HINTS.ko.md#3 — 키도 파티션 번호도 주지 마세요. 파티션을 직접 돌려 가며 고르면(라운드 로빈) 배치가 작아집니다. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void keylessRecordsAreSpreadBatchByBatch() {
        String topic = topics.create("clicks", 3);
        List<String> values = numberedValues(300);

        List<RecordMetadata> written;
        try (KeylessSender sender = new KeylessSender(cluster.clientProperties(), topic)) {
            written = sender.sendKeyless(values);
        }

        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        assertThat(stored).as("저장된 레코드의 키: 키 없이(null) 보내야 합니다").extracting(ConsumerRecord::key).containsOnlyNulls();
        List<Integer> actual = partitionsInSendOrder(topic, values.size());
        assertThat(written).as("sendKeyless 가 돌려준 RecordMetadata 의 파티션 (보낸 순서대로): 실제 저장된 파티션과 같아야 합니다")
                .extracting(RecordMetadata::partition).containsExactlyElementsOf(actual);
        assertThat((Set<Integer>) new TreeSet<>(actual)).as("키 없는 레코드 300건이 들어간 파티션들: 한 파티션에 몰리지 않고 나뉘어야 합니다")
                .hasSizeGreaterThanOrEqualTo(2);
        int runs = runCount(actual);
        assertThat(values.size() / (double) runs)
                .as("같은 파티션으로 연달아 간 레코드 수의 평균 (연속 구간 %d개): sticky 파티셔너라면 배치 하나(2 KB ≈ 레코드 10여 건)를 "
                        + "채운 뒤 다음 파티션으로 넘어가므로 3 이상이어야 합니다. 1에 가깝다면 레코드마다 파티션을 바꾼 것(라운드 로빈)입니다. "
                        + "힌트: HINTS.ko.md#3", runs)
                .isGreaterThanOrEqualTo(3.0);
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("runsOf 는 실제로 파티션이 바뀐 지점마다 구간을 나눠 센다")
    @Hint("HINTS.ko.md#3 — 앞 레코드와 파티션이 같으면 개수를 늘리고, 다르면 새 구간을 시작하세요. 마지막 구간도 잊지 마세요. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void runsOfSummarisesTheRealSequence() {
        String topic = topics.create("clicks", 3);
        List<String> values = numberedValues(200);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KeylessSender.producerConfig(cluster.clientProperties()))) {
            values.forEach(v -> producer.send(new ProducerRecord<>(topic, v)));
            producer.flush();
        }
        List<Integer> actual = partitionsInSendOrder(topic, values.size());

        List<PartitionRun> runs = KeylessSender.runsOf(actual);

        List<Integer> expanded = runs.stream().flatMap(r -> java.util.Collections.nCopies(Math.max(r.count(), 0), r.partition()).stream()).toList();
        assertThat(expanded).as("runsOf 의 구간들을 다시 펼친 파티션 순서 (runsOf: 구간 %d개, 합계 %d건 / 실제: 구간 %d개, %d건): 실제 토픽에서 읽은 순서와 같아야 합니다",
                        runs.size(), expanded.size(), runCount(actual), actual.size())
                .containsExactlyElementsOf(actual);
        assertThat(IntStream.range(1, runs.size()).filter(i -> runs.get(i).partition() == runs.get(i - 1).partition()).boxed().toList())
                .as("바로 앞 구간과 파티션이 같은 구간의 번호: 기대: 없음 (같은 파티션이 이어지면 한 구간입니다)").isEmpty();
    }

    // ───────────────────────── 4. custom partitioner ─────────────────────────

    private Map<String, Set<Integer>> sendThroughVipPartitioner(String topic, String vips, List<String> customers) {
        try (KafkaProducer<String, String> producer = Clients.producer(cluster,
                Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, VipPartitioner.class.getName(), VipPartitioner.VIP_CUSTOMERS_CONFIG, vips))) {
            for (int round = 1; round <= 2; round++) {
                sendKeyed(producer, topic, customers, "r" + round);
            }
        }
        Map<String, Set<Integer>> partitionsPerKey = new TreeMap<>();
        TopicReader.readAll(cluster, topic).forEach(r -> partitionsPerKey.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.partition()));
        return partitionsPerKey;
    }

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("VIP 고객의 레코드는 모두 파티션 0에, 파티션 0에는 VIP 레코드만 간다")
    @Hint("HINTS.ko.md#4 — configure 에서 vip.customers 를 읽고, partition 에서 VIP 면 0 을 돌려주세요. 나머지는 0 을 피해야 합니다. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void vipCustomersGetPartitionZero() {
        String topic = topics.create("purchases", 4);
        List<String> customers = keys("cust-", 60);
        Set<String> vips = Set.of("cust-3", "cust-17", "cust-42");

        Map<String, Set<Integer>> partitionsPerKey = sendThroughVipPartitioner(topic, "cust-3, cust-17,cust-42", customers);

        assertThat(partitionsPerKey).as("저장된 고객(키) 수").hasSize(customers.size());
        for (String vip : vips) {
            assertThat(partitionsPerKey.get(vip)).as("VIP 고객 %s 의 레코드가 저장된 파티션: {0} 이어야 합니다 (힌트: HINTS.ko.md#4)", vip)
                    .containsExactly(0);
        }
        assertThat(partitionsPerKey.entrySet().stream().filter(e -> e.getValue().contains(0)).map(Map.Entry::getKey).toList())
                .as("파티션 0 에 저장된 고객: VIP 3명만 있어야 합니다 (일반 고객은 1..3 으로)")
                .containsExactlyInAnyOrderElementsOf(vips);
    }

    @Test
    @Tag("task:4")
    @Points(1)
    @DisplayName("일반 고객은 키 해시로 나머지 파티션(1..n-1)에 고르게 나뉘고, 같은 고객은 늘 같은 파티션이다")
    @Hint("HINTS.ko.md#4 — 1 + toPositive(murmur2(keyBytes)) % (파티션 수 - 1). 파티션 수는 cluster.partitionCountForTopic(topic). — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void otherCustomersAreHashedOverTheRest() {
        String topic = topics.create("purchases", 4);
        List<String> customers = keys("cust-", 600);

        Map<String, Set<Integer>> partitionsPerKey = sendThroughVipPartitioner(topic, "cust-999", customers);

        assertThat(partitionsPerKey).as("저장된 고객(키) 수").hasSize(customers.size());
        assertThat(partitionsPerKey).as("고객마다 레코드 2건이 저장된 파티션: 같은 고객은 한 파티션이어야 합니다")
                .allSatisfy((k, v) -> assertThat(v).as("고객 %s 의 파티션", k).hasSize(1));
        assertThat(partitionsPerKey.values().stream().flatMap(Set::stream).collect(Collectors.<Integer, TreeSet<Integer>>toCollection(TreeSet::new)))
                .as("VIP 가 아닌 고객 600명이 쓴 파티션들: 1, 2, 3 모두 쓰이고 0 은 비어 있어야 합니다").containsExactly(1, 2, 3);
        Map<Integer, Long> customersPerPartition = partitionsPerKey.values().stream()
                .collect(Collectors.groupingBy(s -> s.iterator().next(), TreeMap::new, Collectors.counting()));
        Observations.report("일반 고객 600명의 파티션별 인원: %s", customersPerPartition);
        long most = customersPerPartition.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long fewest = customersPerPartition.values().stream().mapToLong(Long::longValue).min().orElse(0);
        assertThat(most).as("파티션별 고객 수 %s: 가장 많은 파티션이 가장 적은 파티션의 1.5배를 넘으면 고르게 나뉜 것이 아닙니다"
                        + " (해시를 나머지 파티션 수로 나눠야 합니다). 힌트: HINTS.ko.md#4", customersPerPartition)
                .isLessThanOrEqualTo(fewest * 3 / 2);
    }

    @Test
    @Tag("task:4")
    @Points(1)
    @DisplayName("파티션이 하나뿐인 토픽에서도 VipPartitioner 로 보낸 레코드는 모두 파티션 0에 저장된다")
    @Hint("HINTS.ko.md#4 — 파티션이 1개면 '나머지 파티션 1..n-1' 이 없습니다(파티션 수 - 1 = 0 으로 나누면 예외). 그때는 모두 0 입니다. — 노트북 04 §3 'Producer → Topic → Partition: Key로 파티션 결정'")
    void singlePartitionTopicTakesEveryone() {
        String topic = topics.create("purchases-single", 1);
        List<String> customers = keys("cust-", 20);

        Map<String, Set<Integer>> partitionsPerKey = sendThroughVipPartitioner(topic, "cust-3", customers);

        assertThat(partitionsPerKey).as("파티션 1개 토픽에 저장된 고객(키): 보낸 %d명 모두 (일반 고객을 보내다 예외가 나면 안 됩니다)", customers.size())
                .containsOnlyKeys(customers);
        assertThat(partitionsPerKey).as("고객마다 저장된 파티션: 파티션이 하나뿐이므로 모두 {0}")
                .allSatisfy((k, v) -> assertThat(v).as("고객 %s 의 파티션", k).containsExactly(0));
    }

    // ───────────────────────── 5. adding partitions moves keys ─────────────────────────

    /** Waits until a freshly created producer sees {@code partitions} partitions (brokers learn new metadata quickly, not at once). */
    private KafkaProducer<String, String> producerSeeing(String topic, int partitions) {
        List<KafkaProducer<String, String>> holder = new ArrayList<>();
        await("새 프로듀서가 토픽 " + topic + " 의 파티션 " + partitions + "개를 볼 때까지")
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    KafkaProducer<String, String> producer = defaultProducer();
                    if (producer.partitionsFor(topic).size() == partitions) {
                        holder.add(producer);
                        return true;
                    }
                    producer.close();
                    return false;
                });
        return holder.get(0);
    }

    @Test
    @Tag("task:5")
    @Points(1)
    @DisplayName("increasePartitions 는 토픽의 파티션을 3개에서 5개로 늘린다")
    @Hint("HINTS.ko.md#5 — admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(전체 개수))) 의 결과를 기다리세요. — 노트북 06 연습 06-2 '파티션을 늘리면 key의 자리가 바뀐다'")
    void increasePartitionsGrowsTheTopic() throws Exception {
        String topic = topics.create("accounts", 3);

        PartitionGrowth.increasePartitions(cluster.admin(), topic, 5);

        await("토픽 " + topic + " 의 파티션 수가 바뀔 때까지").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(cluster.partitionCount(topic))
                        .as("increasePartitions(admin, topic, 5) 뒤 Admin 이 본 파티션 수: 3 에서 늘어나야 합니다. 힌트: HINTS.ko.md#5")
                        .isNotEqualTo(3));
        assertThat(cluster.partitionCount(topic))
                .as("increasePartitions(admin, topic, 5) 뒤 Admin 이 본 파티션 수: 5 (\"5개 더\"가 아니라 \"모두 5개\"). 힌트: HINTS.ko.md#5")
                .isEqualTo(5);
    }

    @Test
    @Tag("task:5")
    @Points(1)
    @DisplayName("increasePartitions 는 브로커가 거절한 요청(파티션 줄이기, 없는 토픽)을 예외로 알린다")
    @Hint("HINTS.ko.md#5 — all().get(...) 이 던지는 ExecutionException 을 삼키지 말고 예외로 다시 던지세요. — 노트북 06 연습 06-2 '파티션을 늘리면 key의 자리가 바뀐다'")
    void increasePartitionsReportsRefusedRequests() throws Exception {
        String topic = topics.create("accounts", 3);
        PartitionGrowth.increasePartitions(cluster.admin(), topic, 4);

        Throwable shrinking = refusal(() -> PartitionGrowth.increasePartitions(cluster.admin(), topic, 2));
        assertThat(shrinking).as("파티션 4개인 토픽을 2개로 '늘리라'는 요청은 브로커가 거절합니다(파티션은 줄일 수 없음)."
                + " increasePartitions 는 그 실패를 예외로 알려야 합니다 — 조용히 돌아오면 호출한 쪽은 성공한 줄 압니다").isNotNull();
        Throwable missing = refusal(() -> PartitionGrowth.increasePartitions(cluster.admin(), UniqueNames.of("no-such-topic"), 5));
        assertThat(missing).as("없는 토픽의 파티션을 늘리라는 요청도 브로커가 거절합니다. increasePartitions 는 예외를 던져야 합니다").isNotNull();
        await("토픽 " + topic + " 의 파티션 수가 4개로 보일 때까지").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(cluster.partitionCount(topic)).as("increasePartitions(admin, topic, 4) 와 거절된 요청 뒤 토픽의 파티션 수").isEqualTo(4));

    }

    /** What the learner's call threw, or null; a "not implemented yet" failure is passed on as it is. */
    private static Throwable refusal(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        return thrown;
    }

    @Test
    @Tag("task:5")
    @Points(2)
    @DisplayName("파티션을 늘리면 많은 키가 다른 파티션으로 옮겨 가고, 옛 레코드는 제자리에 남는다")
    @Hint("HINTS.ko.md#5 — 늘리기 전과 후의 (키 → 파티션) 표를 비교해 파티션이 달라진 키만 모으세요. — 노트북 06 연습 06-2 '파티션을 늘리면 key의 자리가 바뀐다'")
    void addingPartitionsMovesKeys() throws Exception {
        String topic = topics.create("accounts", 3);
        List<String> keys = keys("account-", 60);
        try (KafkaProducer<String, String> producer = defaultProducer()) {
            sendKeyed(producer, topic, keys, "before");
        }
        cluster.admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(5))).all().get(30, TimeUnit.SECONDS);
        // 늘린 뒤에는 옛 키 가운데 40개만 다시 쓰이고, 새 키 10개가 처음 쓰입니다 (실제 트래픽처럼). 비교할 수 있는 건 양쪽에 있는 키뿐입니다.
        List<String> rewritten = keys.subList(0, 40);
        List<String> afterKeys = new ArrayList<>(rewritten);
        afterKeys.addAll(keys("new-account-", 10));
        try (KafkaProducer<String, String> producer = producerSeeing(topic, 5)) {
            sendKeyed(producer, topic, afterKeys, "after");
        }

        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        Map<String, Integer> before = placement(stored, "before");
        Map<String, Integer> after = placement(stored, "after");
        Set<String> moved = PartitionGrowth.movedKeys(before, after);

        Set<String> reallyMoved = rewritten.stream().filter(k -> !before.get(k).equals(after.get(k))).collect(Collectors.toCollection(TreeSet::new));
        assertThat((Set<String>) new TreeSet<>(moved)).as("movedKeys 결과 (%d개): 늘리기 전과 후에 모두 쓰인 키 가운데 토픽에서 실제로 파티션이 바뀐 키 %d개와 같아야 합니다"
                        + " (한쪽에만 있는 키는 옮겨 간 것이 아닙니다. 힌트: HINTS.ko.md#5)", moved.size(), reallyMoved.size())
                .containsExactlyElementsOf(reallyMoved);
        assertThat(reallyMoved.size()).as("파티션 3→5 로 늘린 뒤 파티션이 바뀐 키 수 (다시 쓰인 40개 중): 키 해시 % 파티션 수 이므로 대부분 옮겨 갑니다")
                .isGreaterThan(rewritten.size() / 2);
        for (String key : reallyMoved) {
            assertThat(stored.stream().filter(r -> r.key().equals(key)).map(ConsumerRecord::partition).distinct().count())
                    .as("옮겨 간 키 %s 의 레코드가 있는 파티션 수: 옛 레코드는 옛 파티션에 그대로 있으므로 2 — 이 키의 순서는 이제 한 파티션 안에서 보장되지 않습니다", key)
                    .isEqualTo(2);
        }
    }
}
