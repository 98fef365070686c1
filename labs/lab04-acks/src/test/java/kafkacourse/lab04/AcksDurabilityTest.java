package kafkacourse.lab04;

import static kafkacourse.kit.cluster.KafkaCluster.CLUSTER_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.junit.RequiresBrokerControl;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.lab.ProducerMetrics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 04 — acks와 내구성")
class AcksDurabilityTest {

    private final KafkaCluster cluster;
    private final LabTopics topics;

    AcksDurabilityTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The acks value as the producer understands it ("all" and "-1" are the same). */
    private static String acksOf(Properties config) {
        Object acks = config.get(ProducerConfig.ACKS_CONFIG);
        String value = acks == null ? "all (기본값)" : acks.toString().trim();
        return value.equals("-1") ? "all" : value;
    }

    private static RecordMetadata sendWithPlainProducer(Properties config, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, key, key)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<String> storedKeys(String topic) {
        return TopicReader.keys(cluster, topic);
    }

    /** A follower of partition 0 that is not the active controller (stopping it keeps the KRaft quorum calm). */
    private int followerToStop(String topic) {
        int leader = cluster.leaderOf(topic, 0);
        List<Integer> followers = cluster.replicasOf(topic, 0).stream().filter(n -> n != leader).toList();
        return followers.stream().filter(cluster.nodesWithoutController()::contains).findFirst().orElse(followers.get(0));
    }

    /** Two nodes [A, B] that are not the active controller: the third node keeps the controller role. */
    private List<Integer> twoNonControllerNodes() {
        return cluster.nodesWithoutController().stream().limit(2).toList();
    }

    private static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static List<Long> syncSendLatencies(Properties config, String topic, int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "warm-up")).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
                latencies.add(System.nanoTime() - start);
                assertThat(metadata.hasOffset()).as("acks=%s 전송 %d: 브로커가 기록한 오프셋이 있어야 합니다 (HINTS.ko.md#1)", acksOf(config), i).isTrue();
            }
        }
        return latencies;
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("acks=0 프로듀서는 브로커의 답을 기다리지 않으므로 오프셋을 모른다 (-1)")
    @Hint("HINTS.ko.md#1 — ProducerConfig.ACKS_CONFIG 에 \"0\". 응답이 없으니 RecordMetadata.offset() 은 -1 입니다. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void acksZeroNeverLearnsTheOffset() throws Exception {
        String topic = topics.create("clicks", 1);
        Properties config = AcksConfigs.fireAndForget(cluster.clientProperties());
        assertThat(acksOf(config)).as("fireAndForget() 의 acks 설정 (HINTS.ko.md#1)").isEqualTo("0");

        RecordMetadata metadata = sendWithPlainProducer(config, topic, "click-1");

        assertThat(metadata.hasOffset()).as("acks=0 이면 브로커가 답하지 않으므로 오프셋이 없어야 합니다 (HINTS.ko.md#1)").isFalse();
        assertThat(metadata.offset()).as("acks=0 의 RecordMetadata.offset()").isEqualTo(-1L);
        Awaitility.await("acks=0 으로 보낸 click-1 이 토픽에 보이기를")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(storedKeys(topic))
                        .as("정상 상황에서는 acks=0 레코드도 저장됩니다. 다만 프로듀서는 그것을 알 길이 없습니다").containsExactly("click-1"));
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("acks=1 과 acks=all 은 모두 오프셋을 돌려준다 — 두 방식의 지연 시간을 나란히 잰다")
    @Hint("HINTS.ko.md#1 — leaderOnly() 는 acks=1, allReplicas() 는 acks=all 에 멱등성과 max.in.flight 까지. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void acksOneAndAllBothReturnOffsets() throws Exception {
        String topic = topics.create("latency", 1);
        Properties leaderOnly = AcksConfigs.leaderOnly(cluster.clientProperties());
        Properties allReplicas = AcksConfigs.allReplicas(cluster.clientProperties());
        assertThat(acksOf(leaderOnly)).as("leaderOnly() 의 acks 설정: 리더만 확인 (HINTS.ko.md#1)").isEqualTo("1");
        assertThat(acksOf(allReplicas)).as("allReplicas() 의 acks 설정: 모든 ISR 확인 (HINTS.ko.md#1)").isEqualTo("all");
        assertThat(String.valueOf(allReplicas.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
                .as("allReplicas() 는 enable.idempotence=true 를 명시해야 합니다 (기본값이지만, 다른 설정과 충돌하면 조용히 꺼집니다; HINTS.ko.md#1)")
                .isEqualTo("true");

        int count = 30;
        List<Long> one = syncSendLatencies(leaderOnly, topic, count);
        List<Long> all = syncSendLatencies(allReplicas, topic, count);

        Measurements.report("동기 전송 %d건의 지연 시간 중앙값 — acks=1: %.2fms, acks=all: %.2fms (이 컴퓨터, 이번 실행의 값)",
                count, medianMillis(one), medianMillis(all));
        assertThat(storedKeys(topic)).as("acks=1 과 acks=all 로 보낸 레코드가 모두 저장되어야 합니다").hasSize(2 * (count + 1));
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("정상 클러스터에서 send 는 브로커가 확인한 위치를 돌려준다")
    @Hint("HINTS.ko.md#2 — producer.send(record).get() 의 결과로 SendResult.acked(key, metadata) 를 만드세요. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void sendReportsTheAcknowledgedPosition() {
        String topic = topics.create("orders", 1);

        SendResult result;
        try (OrderSender sender = new OrderSender(AcksConfigs.allReplicas(cluster.clientProperties()), topic)) {
            result = sender.send("order-1", OrderEvent.of("order-1").value());
        }

        assertThat(result).as("send 의 결과 (HINTS.ko.md#2)").isNotNull();
        assertThat(result.isAcked()).as("정상 클러스터에서는 확인(ack)되어야 합니다: %s (HINTS.ko.md#2)", result).isTrue();
        assertThat(result.key()).as("SendResult 의 키").isEqualTo("order-1");
        assertThat(result.metadata().offset()).as("확인된 오프셋: 빈 토픽의 첫 레코드는 0 (HINTS.ko.md#2)").isEqualTo(0L);
        assertThat(storedKeys(topic)).as("토픽에 저장된 키").containsExactly("order-1");
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:2")
    @Points(3)
    @DisplayName("ISR이 min.insync.replicas 보다 적으면 acks=all 은 실패로 보고되고, acks=1 은 성공한다")
    @Hint("HINTS.ko.md#2 — 실패를 삼키지 말고 SendResult.failed(key, 원인) 으로 돌려주세요. get() 의 ExecutionException 안에 원인이 있습니다. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void tooFewInSyncReplicasRejectsAcksAllButNotAcksOne() {
        // RF=3 with min.insync.replicas=3: stopping ONE follower is enough. (Stopping two of the three combined
        // broker+controller nodes would lose the KRaft quorum; then acks=all sends hang instead of failing.)
        String topic = topics.create("payments", 1, Map.of("min.insync.replicas", "3"));
        int follower = followerToStop(topic);
        cluster.stop(follower);
        cluster.awaitIsr(topic, 0, 2);

        SendResult all;
        try (OrderSender sender = new OrderSender(AcksConfigs.allReplicas(cluster.clientProperties()), topic)) {
            all = sender.send("payment-all", "acks=all while ISR=2");
        }
        SendResult one;
        try (OrderSender sender = new OrderSender(AcksConfigs.leaderOnly(cluster.clientProperties()), topic)) {
            one = sender.send("payment-one", "acks=1 while ISR=2");
        }
        Observations.report("브로커 %d 정지, ISR=%s, min.insync.replicas=3 → acks=all: %s / acks=1: %s", follower, cluster.isrOf(topic, 0), all, one);

        assertThat(all).as("acks=all 전송의 결과 (HINTS.ko.md#2)").isNotNull();
        assertThat(all.isAcked())
                .as("ISR 2개 < min.insync.replicas 3 이면 acks=all 은 확인되면 안 됩니다. 결과: %s — acks=1 을 쓰고 있거나 실패를 삼키고 있지 않나요? (HINTS.ko.md#2)", all)
                .isFalse();
        assertThat(all.error()).as("실패 원인: 재시도 끝에 TimeoutException, 또는 재시도하지 않으면 NotEnoughReplicasException (HINTS.ko.md#2)")
                .isInstanceOfAny(TimeoutException.class, NotEnoughReplicasException.class);
        assertThat(one).as("acks=1 전송의 결과").isNotNull();
        assertThat(one.isAcked()).as("acks=1 은 리더만 기록하면 되므로 ISR 이 모자라도 확인되어야 합니다: %s (HINTS.ko.md#2)", one).isTrue();

        cluster.start(follower);
        cluster.awaitIsrFull(topic, CLUSTER_CHANGE);
        assertThat(storedKeys(topic)).as("토픽에 남은 레코드: 거부된 acks=all 레코드는 없고, acks=1 레코드만 있어야 합니다")
                .containsExactly("payment-one");
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:2")
    @Points(2)
    @DisplayName("브로커가 돌아와 ISR이 다시 차면, 같은 OrderSender 로 acks=all 전송이 다시 성공한다")
    @Hint("HINTS.ko.md#2 — 실패했다고 프로듀서를 닫거나 예외를 던지지 마세요. 실패를 보고하고, 다음 send 는 새로 시도합니다. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void senderRecoversOnceTheReplicaIsBack() {
        String topic = topics.create("refunds", 1, Map.of("min.insync.replicas", "3"));
        int follower = followerToStop(topic);

        try (OrderSender sender = new OrderSender(AcksConfigs.allReplicas(cluster.clientProperties()), topic)) {
            cluster.stop(follower);
            cluster.awaitIsr(topic, 0, 2);
            SendResult refused = sender.send("refund-1", "first try");
            assertThat(refused.isAcked()).as("복제본이 모자란 동안의 전송은 실패로 보고되어야 합니다: %s (HINTS.ko.md#2)", refused).isFalse();

            cluster.start(follower);
            cluster.awaitIsrFull(topic, CLUSTER_CHANGE);
            SendResult retried = sender.send("refund-1", "second try");
            Observations.report("1차: %s / ISR 회복 후 2차: %s", refused, retried);

            assertThat(retried.isAcked()).as("ISR 이 다시 3개가 된 뒤의 전송은 확인되어야 합니다: %s (HINTS.ko.md#2)", retried).isTrue();
        }
        assertThat(storedKeys(topic)).as("토픽에는 두 번째 시도만 있어야 합니다").containsExactly("refund-1");
    }

    // ------------------------------------------------------------------------------------------------ task 3

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("sendAll 은 기다리지 않고 모두 보낸 뒤, 보낸 순서대로 결과를 돌려준다")
    @Hint("HINTS.ko.md#3 — 먼저 send() 를 모두 호출해 Future 를 모으고, 그다음 순서대로 get() 하세요. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void sendAllReportsEveryResultInOrder() {
        String topic = topics.create("orders", 1);
        List<OrderEvent> events = IntStream.rangeClosed(1, 200).mapToObj(i -> OrderEvent.of("order-" + i)).toList();

        List<SendResult> results;
        try (OrderSender sender = new OrderSender(AcksConfigs.allReplicas(cluster.clientProperties()), topic)) {
            results = sender.sendAll(events);
        }

        assertThat(results).as("sendAll 의 결과: 보낸 %d건마다 하나씩 (HINTS.ko.md#3)", events.size()).hasSize(events.size());
        assertThat(results).as("결과의 키는 보낸 순서 그대로여야 합니다 (HINTS.ko.md#3)").extracting(SendResult::key)
                .containsExactlyElementsOf(events.stream().map(OrderEvent::key).toList());
        assertThat(results).as("모두 확인(ack)되어야 합니다 (HINTS.ko.md#3)").allMatch(SendResult::isAcked);
        assertThat(results).as("한 파티션 안에서 오프셋은 보낸 순서대로 0, 1, 2, ... 여야 합니다")
                .extracting(r -> r.metadata().offset()).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> (long) i).toList());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("sendAll 은 중간에 실패한 레코드가 있어도 멈추지 않고, 여러 파티션에 흩어진 레코드의 결과를 모두 보낸 순서대로 돌려준다")
    @Hint("HINTS.ko.md#3 — 결과는 Future 목록의 순서(보낸 순서)대로 모으고, 한 건의 ExecutionException 은 그 건의 실패로 기록한 뒤 다음 건으로 넘어가세요. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void sendAllKeepsGoingAfterAFailureAndKeepsSendOrder() {
        String topic = topics.create("orders", 3);
        Set<Integer> tooLarge = Set.of(7, 40);
        List<OrderEvent> events = IntStream.rangeClosed(1, 60).mapToObj(i -> tooLarge.contains(i)
                ? new OrderEvent("order-" + i, "x".repeat(50_000)) : OrderEvent.of("order-" + i)).toList();
        Properties config = AcksConfigs.allReplicas(cluster.clientProperties());
        // 요청 하나의 최대 크기를 20 KB 로 줄여, 50 KB 짜리 두 건만 프로듀서가 거절하게 합니다(RecordTooLargeException).
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "20000");

        List<SendResult> results;
        try (OrderSender sender = new OrderSender(config, topic)) {
            results = sender.sendAll(events);
        }

        assertThat(results).as("sendAll 의 결과 수: 보낸 %d건마다 하나씩 — 실패한 건(7, 40번째)에서 멈추거나 던지면 안 됩니다 (HINTS.ko.md#3)", events.size())
                .hasSize(events.size());
        assertThat(results).as("결과의 키: 레코드가 파티션 3개에 흩어져도 보낸 순서 그대로여야 합니다 (도착 순서가 아니라) (HINTS.ko.md#3)")
                .extracting(SendResult::key).containsExactlyElementsOf(events.stream().map(OrderEvent::key).toList());
        assertThat(results.stream().filter(r -> !r.isAcked()).map(SendResult::key).toList())
                .as("실패로 보고된 주문: 너무 큰 두 건만 (HINTS.ko.md#3)").containsExactly("order-7", "order-40");
        assertThat(results.stream().filter(r -> !r.isAcked()).map(SendResult::error).toList())
                .as("실패한 건의 오류: 프로듀서가 거절한 이유(RecordTooLargeException)를 그대로").allMatch(e -> e instanceof RecordTooLargeException);
        Map<String, String> stored = TopicReader.readAll(cluster, topic).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r.partition() + "@" + r.offset()));
        assertThat(stored.values().stream().map(v -> v.substring(0, v.indexOf('@'))).distinct().count())
                .as("레코드가 저장된 파티션 수 (테스트 준비 확인)").isGreaterThan(1);
        assertThat(results.stream().filter(SendResult::isAcked).map(r -> r.key() + "=" + r.metadata().partition() + "@" + r.metadata().offset()).toList())
                .as("확인된 결과마다 (키=파티션@오프셋): 그 키의 레코드가 토픽에 실제로 저장된 위치와 같아야 합니다 (HINTS.ko.md#3)")
                .containsExactlyElementsOf(events.stream().map(OrderEvent::key).filter(stored::containsKey).map(k -> k + "=" + stored.get(k)).toList());
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("sendAll 은 기다리지 않고 보내므로, 프로듀서가 요청 하나에 여러 레코드를 묶어 보낸다 (records-per-request-avg)")
    @Hint("HINTS.ko.md#3 — 반복문 안에서 get() 이나 flush() 를 부르면 레코드마다 요청 하나를 기다립니다. Future 만 모으고 다 보낸 뒤에 기다리세요. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void sendAllLetsTheProducerBatch() throws Exception {
        String topic = topics.create("orders", 1);
        String clientId = UniqueNames.of("order-sender");
        Properties config = AcksConfigs.allReplicas(cluster.clientProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        List<OrderEvent> events = IntStream.rangeClosed(1, 200).mapToObj(i -> OrderEvent.of("order-" + i)).toList();

        double recordsPerRequest;
        try (OrderSender sender = new OrderSender(config, topic)) {
            List<SendResult> results = sender.sendAll(events);
            assertThat(results).as("sendAll 의 결과: 200건 모두 확인(ack) (HINTS.ko.md#3)").hasSize(200).allMatch(SendResult::isAcked);
            recordsPerRequest = ProducerMetrics.ofClient(clientId).recordsPerRequest();
        }

        Measurements.report("sendAll 200건: 프로듀서 요청 하나에 평균 %.1f건 (producer-metrics records-per-request-avg, 이번 실행의 값)", recordsPerRequest);
        assertThat(recordsPerRequest).as("프로듀서 요청 하나에 담긴 평균 레코드 수(records-per-request-avg): 1 에 가깝다면 레코드마다 get()/flush() 로"
                + " 기다려 배치가 만들어지지 못한 것입니다 (HINTS.ko.md#3)").isGreaterThanOrEqualTo(2.0);
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:3")
    @Points(3)
    @DisplayName("요청이 재시도되어도 멱등 프로듀서는 중복 없이, 순서대로 한 번씩만 기록한다")
    @Hint("HINTS.ko.md#3 — allReplicas() 에 enable.idempotence=true, max.in.flight.requests.per.connection ≤ 5. — 노트북 04 §6 'ACK 옵션에 따른 동작 차이'")
    void retriesProduceNoDuplicates() throws Exception {
        String topic = topics.create("ledger", 1);
        Properties config = AcksConfigs.allReplicas(cluster.clientProperties());
        // Force retries: a killed follower stays in the ISR until the controller fences it (~2 s). Meanwhile acks=all
        // requests wait for it and time out after 0.5 s, so the producer sends the same batch again and again.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "500");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        List<OrderEvent> events = IntStream.rangeClosed(1, 20).mapToObj(i -> OrderEvent.of("entry-" + i)).toList();

        List<SendResult> results;
        try (OrderSender sender = new OrderSender(config, topic)) {
            assertThat(sender.send("entry-0", "warm-up").isAcked()).as("준비 전송이 확인되어야 합니다").isTrue();
            int follower = followerToStop(topic);
            cluster.kill(follower);
            results = sender.sendAll(events);
        }

        List<String> stored = storedKeys(topic);
        Observations.report("팔로워를 죽인 뒤 보낸 %d건 → 토픽에 기록된 건수: %d%s", events.size(), stored.size() - 1,
                stored.size() - 1 > events.size() ? " (중복!)" : " (중복 없음)");
        assertThat(results).as("모든 전송이 결국 확인되어야 합니다 (HINTS.ko.md#3)").allMatch(SendResult::isAcked);
        assertThat(stored).as("토픽의 레코드: 재시도가 있었어도 각 키가 한 번씩, 보낸 순서대로여야 합니다. 중복이 보이면 멱등성이 꺼져 있습니다 (HINTS.ko.md#3)")
                .containsExactlyElementsOf(concat("entry-0", events));
    }

    private static List<String> concat(String first, List<OrderEvent> events) {
        List<String> keys = new ArrayList<>(List.of(first));
        events.forEach(e -> keys.add(e.key()));
        return keys;
    }

    // ------------------------------------------------------------------------------------------------ task 4

    @Test
    @RequiresBrokerControl
    @Tag("task:4")
    @Points(2)
    @DisplayName("acks=1 로 확인받은 레코드도, 팔로워가 받기 전에 리더가 죽으면 사라진다")
    @Hint("HINTS.ko.md#4 — acks=1 의 확인은 '리더 한 대가 기록했다'는 뜻일 뿐입니다. — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void acksOneCanLoseAnAcknowledgedRecord() throws Exception {
        List<Integer> ab = twoNonControllerNodes();
        int a = ab.get(0);
        int b = ab.get(1);
        // Even on a topic with min.insync.replicas=2: acks=1 does not wait for it.
        String topic = topics.createOn("audit", ab, Map.of("min.insync.replicas", "2"));

        // A record that surely is on both replicas (acks=all with min.insync.replicas=2), for contrast. (Sent with
        // acks=1 it could itself be lost: B may be stopped before it fetched it.)
        Properties safe = AcksConfigs.base(cluster.clientProperties());
        safe.put(ProducerConfig.ACKS_CONFIG, "all");
        RecordMetadata before = sendWithPlainProducer(safe, topic, "before");
        SendResult lost;
        try (OrderSender sender = new OrderSender(AcksConfigs.leaderOnly(cluster.clientProperties()), topic)) {
            // stage 1: the follower B is away; the leader A is alone.
            cluster.stop(b);
            cluster.awaitIsr(topic, 0, 1);
            lost = sender.send("only-on-A", "acknowledged by A alone");
        }
        assertThat(lost).as("acks=1 전송의 결과 (HINTS.ko.md#2)").isNotNull();
        assertThat(lost.isAcked()).as("acks=1 은 리더 혼자서도 확인합니다. 결과: %s — leaderOnly() 가 acks=1 인가요? (HINTS.ko.md#1)", lost).isTrue();

        // stage 2: A dies before B ever fetched the record; B comes back and becomes leader without it.
        cluster.kill(a);
        cluster.start(b);
        cluster.awaitLeader(topic, 0, b);
        // stage 3: A returns as a follower and truncates its log to the new leader's.
        cluster.start(a);
        cluster.awaitIsrFull(topic, CLUSTER_CHANGE);

        List<String> stored = storedKeys(topic);
        Observations.report("acks=all 로 확인받은 before(오프셋 %d), acks=1 로 확인받은 only-on-A(오프셋 %d) → 리더 교체 뒤 토픽에 남은 키: %s",
                before.offset(), lost.metadata().offset(), stored);
        assertThat(stored).as("확인받았던 only-on-A 는 사라지고 before 만 남아야 합니다 (이것이 acks=1 의 위험; HINTS.ko.md#4)")
                .containsExactly("before");
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:4")
    @Points(3)
    @DisplayName("acks=all + min.insync.replicas=2 라면 확인받은 레코드는 리더가 죽어도 하나도 사라지지 않는다")
    @Hint("HINTS.ko.md#4 — durableTopic() 에 min.insync.replicas=2 와 unclean.leader.election.enable=false, 프로듀서는 allReplicas(). — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void acksAllWithMinIsrTwoNeverLosesAnAcknowledgedRecord() throws Exception {
        Map<String, String> topicConfig = AcksConfigs.durableTopic();
        assertThat(topicConfig).as("durableTopic() 의 토픽 설정 (HINTS.ko.md#4)")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false");
        List<Integer> ab = twoNonControllerNodes();
        int a = ab.get(0);
        int b = ab.get(1);
        String topic = topics.createOn("ledger", ab, topicConfig);

        List<SendResult> results = new ArrayList<>();
        try (OrderSender sender = new OrderSender(AcksConfigs.allReplicas(cluster.clientProperties()), topic)) {
            results.addAll(sender.sendAll(IntStream.rangeClosed(1, 5).mapToObj(i -> OrderEvent.of("entry-" + i)).toList()));
            // stage 1: the follower B is away; acks=all must now be refused instead of acknowledged by A alone.
            cluster.stop(b);
            cluster.awaitIsr(topic, 0, 1);
            results.add(sender.send("entry-while-alone", "A alone must not acknowledge this"));
        }
        SendResult whileAlone = results.get(results.size() - 1);
        assertThat(results.subList(0, 5)).as("두 복제본이 모두 있을 때의 전송은 확인되어야 합니다").allMatch(SendResult::isAcked);
        assertThat(whileAlone.isAcked())
                .as("리더 혼자 남았을 때의 전송은 확인되면 안 됩니다 (acks=all 과 min.insync.replicas=2 가 막아야 함). 결과: %s (HINTS.ko.md#4)", whileAlone)
                .isFalse();

        // stage 2: the same leader crash as in the acks=1 test.
        cluster.kill(a);
        cluster.start(b);
        cluster.awaitLeader(topic, 0, b);
        cluster.start(a);
        cluster.awaitIsrFull(topic, CLUSTER_CHANGE);

        List<String> acknowledged = results.stream().filter(SendResult::isAcked).map(SendResult::key).toList();
        List<String> stored = storedKeys(topic);
        Observations.report("확인받은 레코드 %d건, 리더 교체 뒤 토픽에 남은 키: %s / 거부되어 재전송이 필요했던 레코드: %s",
                acknowledged.size(), stored, whileAlone.key());
        assertThat(stored).as("확인(ack)받은 레코드는 모두 남아 있어야 합니다 — 잃어버린 확인 0건 (HINTS.ko.md#4)")
                .containsAll(acknowledged);
    }
}
