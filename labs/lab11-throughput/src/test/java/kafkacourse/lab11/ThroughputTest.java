package kafkacourse.lab11;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.lab.ProducerMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 11 — 대규모 처리: 배치·압축·파티션 병렬성")
class ThroughputTest {

    /** Every stream topic of tasks 1 and 2: six partitions on three brokers, RF 3. */
    private static final int PARTITIONS = 6;
    /** 1,000 orders → 3,000 events of ~650 bytes (about 2 MB), handed to the producer as fast as it takes them. */
    private static final int ORDERS = 1_000;

    private final KafkaCluster cluster;
    private final LabTopics topics;

    ThroughputTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Run(ProducerMetrics metrics, long failures) {
    }

    /** Sends the stream with a plain producer built from {@code config} (key = order id), the test's own loop. */
    private static Run sendWithConfig(Properties config, String topic, List<Order> events) {
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Order e : events) {
                producer.send(new ProducerRecord<>(topic, e.orderId(), e.json()), (m, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return new Run(ProducerMetrics.of(producer.metrics()), failures.get());
        }
    }

    private List<ConsumerRecord<String, String>> stored(String topic) {
        return TopicReader.readAll(cluster, topic);
    }

    /** Each event of {@code sent} is in the topic exactly once (matched by order id and sequence number). */
    private void assertEachEventOnce(String topic, List<Order> sent) {
        Map<String, Long> counts = stored(topic).stream().map(r -> Order.parse(r.value()))
                .collect(Collectors.groupingBy(o -> o.orderId() + "#" + o.seq(), TreeMap::new, Collectors.counting()));
        List<String> missing = sent.stream().map(o -> o.orderId() + "#" + o.seq()).filter(k -> !counts.containsKey(k)).limit(5).toList();
        List<String> doubled = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList();
        assertThat(missing).as("토픽에 없는 이벤트 (주문#순번, 앞의 5개): 보낸 것은 모두 있어야 합니다").isEmpty();
        assertThat(doubled).as("두 번 이상 기록된 이벤트 (주문#순번): 멱등성이 꺼져 있지 않나요? (HINTS.ko.md#1)").isEmpty();
        assertThat(counts.size()).as("토픽의 서로 다른 이벤트 수").isEqualTo(sent.size());
    }

    private static String setting(Properties config, String key) {
        Object v = config.get(key);
        return v == null ? null : v.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** A batching producer config written by the test for task 2, so that task 2 is graded apart from task 1. */
    private Properties batchingConfig() {
        Properties p = ThroughputConfigs.baseline(cluster.clientProperties());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        return p;
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("튜닝한 설정도 acks=all·멱등성을 지키고, 보낸 이벤트는 모두 한 번씩 기록된다")
    @Hint("HINTS.ko.md#1 — 처리량 때문에 acks, enable.idempotence, retries 를 바꾸지 마세요. max.in.flight 는 5 이하. — 노트북 04-2 §1 '배치 처리 (Batching)'")
    void tunedConfigKeepsDurableDefaults() {
        Properties tuned = ThroughputConfigs.tuned(cluster.clientProperties());
        assertThat(setting(tuned, ProducerConfig.ACKS_CONFIG)).as("tuned() 의 acks: all(-1) 이거나 기본값(all) 이어야 합니다 (HINTS.ko.md#1)")
                .isIn(null, "all", "-1");
        assertThat(setting(tuned, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).as("tuned() 의 enable.idempotence: 끄면 재시도가 중복을 만듭니다 (HINTS.ko.md#1)")
                .isIn(null, "true");
        assertThat(setting(tuned, ProducerConfig.RETRIES_CONFIG)).as("tuned() 의 retries: 0 이면 멱등성이 조용히 꺼지고 일시적 오류가 곧 유실입니다 (HINTS.ko.md#1)")
                .isNotEqualTo("0");
        String inFlight = setting(tuned, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        assertThat(inFlight == null ? 5 : Integer.parseInt(inFlight))
                .as("tuned() 의 max.in.flight.requests.per.connection: 멱등성은 5 까지만 순서를 지킵니다 (HINTS.ko.md#1)").isBetween(1, 5);
        String linger = setting(tuned, ProducerConfig.LINGER_MS_CONFIG);
        assertThat(linger == null ? 5 : Integer.parseInt(linger))
                .as("tuned() 의 linger.ms: 0 이면 보낼 틈이 생기는 즉시 한 건짜리 배치가 나갑니다. 바쁜 컴퓨터에서는 밀린 레코드가 저절로 배치를 "
                        + "채워 티가 안 나지만, 빠른 컴퓨터에서는 배치가 생기지 않습니다 (HINTS.ko.md#1)").isGreaterThanOrEqualTo(5);

        String topic = topics.create("orders-durable", PARTITIONS);
        List<Order> events = OrderStream.events(ORDERS, 1);
        Run run = sendWithConfig(tuned, topic, events);

        assertThat(run.failures()).as("실패로 끝난 전송 수 (HINTS.ko.md#1)").isZero();
        assertThat(run.metrics().recordErrors()).as("프로듀서 지표 record-error-total").isZero();
        assertEachEventOnce(topic, events);
    }

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("같은 주문 스트림에서 튜닝한 프로듀서는 요청당 레코드가 기준선의 3배 이상, 배치(압축 전)가 1.5배 이상")
    @Hint("HINTS.ko.md#1 — linger.ms=0 이면 배치가 찰 틈이 없습니다. 조금 기다리게(linger.ms) 하고 batch.size 를 넉넉히. — 노트북 04-2 §1 '배치 처리 (Batching)'")
    void tunedBatchesAreAtLeastThreeTimesTheBaseline() {
        List<Order> events = OrderStream.events(ORDERS, 2);
        Run baseline = sendWithConfig(ThroughputConfigs.baseline(cluster.clientProperties()), topics.create("orders-baseline", PARTITIONS), events);
        Run tuned = sendWithConfig(ThroughputConfigs.tuned(cluster.clientProperties()), topics.create("orders-tuned", PARTITIONS), events);

        Measurements.report("기준선: %s", baseline.metrics());
        Measurements.report("튜닝  : %s", tuned.metrics());
        Measurements.report("요청당 레코드 %.1f배, 배치(압축 전) %.1f배 — 속도 비교는 ./course bench producer",
                tuned.metrics().recordsPerRequest() / baseline.metrics().recordsPerRequest(),
                tuned.metrics().uncompressedBatchAvg() / baseline.metrics().batchSizeAvg());

        assertThat(tuned.metrics().recordsPerRequest())
                .as("튜닝한 프로듀서의 records-per-request-avg 가 기준선(%.1f)의 3배 이상이어야 합니다. 지금 %s (HINTS.ko.md#1)",
                        baseline.metrics().recordsPerRequest(), tuned.metrics())
                .isGreaterThanOrEqualTo(3 * baseline.metrics().recordsPerRequest());
        // Bytes only 1.5x: on a CPU-starved machine the producer thread itself is slow and batches close on linger.ms.
        assertThat(tuned.metrics().uncompressedBatchAvg())
                .as("튜닝한 프로듀서의 배치 평균(압축 전 바이트)이 기준선(%.0fB, batch.size 16KB 가 상한)의 1.5배 이상이어야 합니다. 지금 %s (HINTS.ko.md#1)",
                        baseline.metrics().batchSizeAvg(), tuned.metrics())
                .isGreaterThanOrEqualTo(1.5 * baseline.metrics().batchSizeAvg());
        assertThat(baseline.failures() + tuned.failures()).as("실패로 끝난 전송 수").isZero();
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("JSON 주문 스트림이 압축되어, 배치가 원래 크기의 절반 이하로 줄어든다 (compression-rate-avg ≤ 0.5)")
    @Hint("HINTS.ko.md#1 — compression.type 의 기본값은 none. lz4, zstd, snappy, gzip 중 하나를 고르세요. 압축은 배치 단위입니다. — 노트북 04-2 §1 '배치 처리 (Batching)'")
    void tunedProducerCompressesTheJsonStream() {
        List<Order> events = OrderStream.events(ORDERS, 3);
        Run tuned = sendWithConfig(ThroughputConfigs.tuned(cluster.clientProperties()), topics.create("orders-compressed", PARTITIONS), events);

        Measurements.report("압축: compression.type=%s → compression-rate-avg %.2f (배치 %.0fB → %.0fB)",
                ThroughputConfigs.tuned(new Properties()).get(ProducerConfig.COMPRESSION_TYPE_CONFIG),
                tuned.metrics().compressionRate(), tuned.metrics().uncompressedBatchAvg(), tuned.metrics().batchSizeAvg());
        assertThat(tuned.metrics().compressionRate())
                .as("compression-rate-avg (압축 후 / 압축 전, 1.0 = 압축 없음): 0.5 이하여야 합니다. 지금 %s (HINTS.ko.md#1)", tuned.metrics())
                .isLessThanOrEqualTo(0.5);
        assertThat(tuned.failures()).as("실패로 끝난 전송 수").isZero();
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("send 는 답을 기다리지 않는다: 한 요청에 여러 레코드가 실려 가고, 모든 이벤트가 한 번씩 기록된다")
    @Hint("HINTS.ko.md#2 — send(...) 뒤에 get() 이나 flush() 를 부르지 말고 콜백을 넘기세요. flush 는 finish() 가 한 번만. — 노트북 04-2 §1 '배치 처리 (Batching)'")
    void sendDoesNotWaitPerRecord() {
        String topic = topics.create("orders-stream", PARTITIONS);
        List<Order> events = OrderStream.events(ORDERS, 4);
        ProducerMetrics metrics;
        long failures;
        try (OrderStreamProducer producer = new OrderStreamProducer(batchingConfig(), topic, Order::orderId)) {
            events.forEach(producer::send);
            producer.finish();
            metrics = ProducerMetrics.of(producer.metrics());
            failures = producer.failures();
        }
        Measurements.report("OrderStreamProducer (linger.ms=20): %s", metrics);

        assertThat(metrics.recordsPerRequest())
                .as("records-per-request-avg: linger.ms=20 으로 보내면 요청 하나에 레코드가 여러 건(5건 이상) 실려야 합니다. 지금 %s — "
                        + "send 마다 get()/flush() 로 기다리고 있지 않나요? (HINTS.ko.md#2)", metrics)
                .isGreaterThanOrEqualTo(5.0);
        assertThat(failures).as("failures(): 정상 클러스터에서는 0").isZero();
        assertThat(metrics.recordErrors()).as("프로듀서 지표 record-error-total").isZero();
        assertEachEventOnce(topic, events);
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("실패한 전송은 조용히 사라지지 않고 failures() 에 세어진다")
    @Hint("HINTS.ko.md#2 — 콜백 (metadata, error) 에서 error != null 이면 failures 를 늘리고 firstFailure 에 남기세요. — 노트북 04-2 §1 '배치 처리 (Batching)'")
    void failedSendsAreCounted() {
        String topic = topics.create("orders-failing", 1);
        Properties config = batchingConfig();
        // The producer refuses any request larger than 4 KB: a 10 KB event fails in the producer itself.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4096");
        List<Order> normal = OrderStream.events(20, 5);
        Order huge = new Order("o-huge", "c-0001", "seoul", 1, "ORDER_CREATED", "{\"orderId\":\"o-huge\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
        long failures;
        Exception first;
        try (OrderStreamProducer producer = new OrderStreamProducer(config, topic, Order::orderId)) {
            normal.subList(0, 10).forEach(producer::send);
            producer.send(huge);
            producer.send(huge);
            normal.subList(10, normal.size()).forEach(producer::send);
            producer.finish();
            failures = producer.failures();
            first = producer.firstFailure();
        }
        Observations.report("10KB 이벤트 2건 + 보통 이벤트 %d건 → failures()=%d, 첫 원인: %s", normal.size(), failures, first);

        assertThat(failures).as("failures(): 너무 큰 이벤트 2건이 실패로 세어져야 합니다 (HINTS.ko.md#2)").isEqualTo(2);
        assertThat(first).as("firstFailure(): 첫 실패의 원인 (RecordTooLargeException) 이 남아 있어야 합니다 (HINTS.ko.md#2)")
                .isInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
        assertThat(stored(topic)).as("토픽에는 보통 이벤트만 있어야 합니다").hasSize(normal.size());
    }

    // ------------------------------------------------------------------------------------------------ task 3

    /** The task-3 stream sent with the learner's key to a topic with the learner's partition count. */
    private List<ConsumerRecord<String, String>> sendWithLearnerPartitioning(String base, List<Order> events) {
        int partitions = OrderPartitioning.partitions();
        assertThat(partitions).as("partitions(): 1 이상이어야 토픽을 만들 수 있습니다 (HINTS.ko.md#3)").isPositive();
        String topic = topics.create(base, partitions);
        Properties config = ThroughputConfigs.baseline(cluster.clientProperties());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Order e : events) {
                producer.send(new ProducerRecord<>(topic, OrderPartitioning.keyOf(e), e.json()));
            }
            producer.flush();
        }
        return stored(topic);
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("한 주문의 이벤트(생성 → 결제 → 출고)는 모두 한 파티션에, 보낸 순서대로 있다")
    @Hint("HINTS.ko.md#3 — 순서는 파티션 안에서만 지켜집니다. 같은 주문의 이벤트는 같은 키로 보내세요 (null 키는 흩어집니다). — 노트북 04-2 §3 '파티셔닝을 통한 병렬 처리'")
    void eventsOfOneOrderStayInOrderInOnePartition() {
        List<Order> events = OrderStream.events(1_200, 6);
        List<ConsumerRecord<String, String>> records = sendWithLearnerPartitioning("orders-keyed", events);

        Map<String, List<ConsumerRecord<String, String>>> byOrder = records.stream()
                .collect(Collectors.groupingBy(r -> Order.parse(r.value()).orderId()));
        List<String> split = byOrder.entrySet().stream()
                .filter(e -> e.getValue().stream().map(ConsumerRecord::partition).distinct().count() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> outOfOrder = byOrder.entrySet().stream()
                .filter(e -> !inSequence(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        Observations.report("주문 %d개 중 여러 파티션에 흩어진 주문 %d개, 순서가 뒤바뀐 주문 %d개", byOrder.size(), split.size(), outOfOrder.size());

        assertThat(records).as("토픽의 이벤트 수").hasSize(events.size());
        assertThat(split).as("이벤트가 여러 파티션에 흩어진 주문 (앞의 것들): 한 파티션에 모여야 순서가 지켜집니다 (HINTS.ko.md#3)")
                .isEmpty();
        assertThat(outOfOrder).as("오프셋 순서로 읽었을 때 생성 → 결제 → 출고 순서가 아닌 주문 (HINTS.ko.md#3)").isEmpty();
    }

    private static boolean inSequence(List<ConsumerRecord<String, String>> records) {
        List<Integer> seqs = records.stream()
                .sorted(Comparator.comparingInt(ConsumerRecord<String, String>::partition).thenComparingLong(ConsumerRecord::offset))
                .map(r -> Order.parse(r.value()).seq()).toList();
        return seqs.equals(List.of(1, 2, 3));
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("부하가 고르게 퍼진다: 파티션 6개 이상, 가장 바쁜 파티션도 전체의 25% 이하 (뜨거운 키 없음)")
    @Hint("HINTS.ko.md#3 — 고객 c-0001 이 주문의 35%, 서울이 55% 입니다. 값의 종류가 많고 고르게 나오는 필드를 키로. — 노트북 04-2 §3 '파티셔닝을 통한 병렬 처리'")
    void loadIsSpreadOverThePartitions() {
        List<Order> events = OrderStream.events(1_200, 7);
        List<ConsumerRecord<String, String>> records = sendWithLearnerPartitioning("orders-spread", events);
        int partitions = OrderPartitioning.partitions();

        Map<Integer, Long> perPartition = new TreeMap<>(records.stream().collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting())));
        long busiest = perPartition.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double share = records.isEmpty() ? 1.0 : (double) busiest / records.size();
        Measurements.report("파티션 %d개에 나뉜 이벤트 수: %s — 가장 바쁜 파티션 %.0f%% (고르면 %.0f%%)",
                partitions, perPartition, share * 100, 100.0 / partitions);

        assertThat(partitions).as("partitions(): 컨슈머를 6개까지 늘릴 수 있으려면 파티션이 6개 이상이어야 합니다 (HINTS.ko.md#3)")
                .isGreaterThanOrEqualTo(6);
        assertThat(share).as("가장 바쁜 파티션이 받은 몫: 25%% 이하여야 합니다. 파티션별 건수 %s — 몇 개 값에 몰리는 키(뜨거운 키)가 아닌가요? (HINTS.ko.md#3)", perPartition)
                .isLessThanOrEqualTo(0.25);
    }

}
