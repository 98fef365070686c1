package kafkacourse.lab08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import kafkacourse.kit.Clients;
import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.lab.LearnerSteps;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 08 — 주문 알림: Kafka (컨슈머 그룹 팬아웃, 공유 그룹 작업 큐)")
class KafkaQueuesTest {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaCluster cluster;
    private final LabTopics topics;

    KafkaQueuesTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    private String topic(int partitions) {
        return topics.create("order-events", partitions);
    }

    private void publish(String topic, List<OrderEvent> events) {
        try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
            for (OrderEvent e : events) {
                producer.send(KafkaFanout.record(topic, e));
            }
            producer.flush();
        }
    }

    /** Read with the learner's service config until {@code expected} records came (or 15 s), then commit. */
    private List<ConsumerRecord<String, String>> readAsService(String topic, String service, int expected) {
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        Properties config = KafkaFanout.serviceConsumer(cluster.clientProperties(), service);
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            LearnerSteps.repeatUntil("서비스 " + service + " 가 알림 " + expected + "건을 받기", Duration.ofSeconds(15),
                    () -> consumer.poll(POLL).forEach(got::add), () -> got.size() >= expected); // else the assertions say what arrived
            consumer.commitSync(Duration.ofSeconds(10));
        }
        return got;
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("팬아웃: 메일·포인트 두 서비스가 각자 알림 15건을 모두 받고, 다 읽은 뒤에도 토픽에는 15건이 그대로 남는다")
    @Hint("HINTS.ko.md#1 — 서비스마다 자기 group.id. 같은 그룹이면 레코드를 나눠 가집니다. — 노트북 03 §2 '늦게 온 구독자 (새 서비스)'")
    void eachServiceGetsEveryNotificationAndTheTopicKeepsThem() {
        String topic = topic(3);
        publish(topic, Orders.interleaved(5));
        String mail = UniqueNames.of("mail-service");
        String points = UniqueNames.of("point-service");

        List<ConsumerRecord<String, String>> mailGot = readAsService(topic, mail, 15);
        List<ConsumerRecord<String, String>> pointsGot = readAsService(topic, points, 15);
        int left = TopicReader.readAll(cluster, topic).size();
        Observations.reportAs("나란히 보기", "메일 서비스 %d건, 포인트 서비스 %d건, 다 읽은 뒤 토픽에 남은 레코드 %d건", mailGot.size(), pointsGot.size(), left);

        assertThat(mailGot).as("메일 서비스(먼저 읽음)가 받은 알림 수: 15건 모두").hasSize(15);
        assertThat(pointsGot).as("포인트 서비스(나중에 읽음)가 받은 알림 수: 15건 모두여야 합니다. 0건이면 두 서비스가 같은 group.id 를 "
                + "써서 메일 서비스가 커밋한 위치부터 읽은 것입니다").hasSize(15);
        assertThat(left).as("두 서비스가 다 읽고 커밋한 뒤 토픽에 남은 레코드: Kafka 는 읽었다고 지우지 않습니다").isEqualTo(15);
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("늦게 생긴 서비스(새 컨슈머 그룹)도 지난 알림 15건을 처음부터 모두 읽는다")
    @Hint("HINTS.ko.md#1 — 새 그룹에는 커밋된 오프셋이 없습니다. auto.offset.reset 의 기본값은 latest 입니다. — 노트북 03 §2 '늦게 온 구독자 (새 서비스)'")
    void aLateServiceReadsEverythingFromTheStart() {
        String topic = topic(3);
        publish(topic, Orders.interleaved(5));
        readAsService(topic, UniqueNames.of("mail-service"), 15);

        List<ConsumerRecord<String, String>> late = readAsService(topic, UniqueNames.of("coupon-service"), 15);
        Observations.reportAs("나란히 보기", "나중에 생긴 쿠폰 서비스가 받은 지난 알림: %d건", late.size());
        assertThat(late).as("알림이 모두 쓰인 뒤에 처음 붙은 서비스가 받은 알림 수: 15건 (0건이면 latest, 곧 '지금부터'에서 시작한 것)").hasSize(15);
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("한 주문의 알림(created → paid → shipped)은 같은 파티션에 들어가, 서비스가 그 순서대로 받는다")
    @Hint("HINTS.ko.md#1 — 레코드 키가 파티션을 정합니다. 키가 없으면 알림이 여러 파티션으로 흩어져 순서가 보장되지 않습니다. — 노트북 03 §2 '늦게 온 구독자 (새 서비스)'")
    void eventsOfOneOrderKeepTheirOrder() {
        String topic = topic(3);
        publish(topic, Orders.interleaved(6));
        List<ConsumerRecord<String, String>> got = readAsService(topic, UniqueNames.of("mail-service"), 18);

        Map<String, List<String>> eventsPerOrder = new TreeMap<>();
        Map<String, List<Integer>> partitionsPerOrder = new TreeMap<>();
        for (ConsumerRecord<String, String> r : got) {
            String order = r.key() == null ? "(키 없음)" : r.key();
            eventsPerOrder.computeIfAbsent(order, k -> new ArrayList<>()).add(r.value());
            partitionsPerOrder.computeIfAbsent(order, k -> new ArrayList<>()).add(r.partition());
        }
        Observations.reportAs("나란히 보기", "주문별 파티션: %s", partitionsPerOrder);
        assertThat(got).as("받은 알림 수").hasSize(18);
        assertThat(eventsPerOrder.keySet()).as("레코드 키: 주문 번호 o-1 ~ o-6 이어야 합니다").containsExactlyInAnyOrder("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
        eventsPerOrder.forEach((order, events) ->
                assertThat(events).as("주문 %s 의 알림을 받은 순서", order).containsExactlyElementsOf(Orders.LIFECYCLE));
        partitionsPerOrder.forEach((order, partitions) ->
                assertThat(partitions.stream().distinct().count()).as("주문 %s 의 알림이 들어간 파티션 수 (%s): 1개여야 합니다", order, partitions).isEqualTo(1));
    }

    // ------------------------------------------------------------------------------------------------ tasks 2-3

    /** Three share-group workers, each polling in its own thread until stopped. */
    private final class Workers implements AutoCloseable {
        final ExecutorService pool = Executors.newFixedThreadPool(3);
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Future<?>> running = new ArrayList<>();

        Workers(String topic, String group, Orders.Recorder recorder, int count) {
            this(topic, group, recorder, count, 0);
        }

        /** {@code workMillis}: each job takes this long, like real work (sending a mail), so that the others can join in. */
        Workers(String topic, String group, Orders.Recorder recorder, int count, long workMillis) {
            for (int i = 1; i <= count; i++) {
                OrderHandler recording = recorder.worker("작업자-" + i);
                OrderHandler handler = workMillis == 0 ? recording : delivery -> {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(workMillis);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return recording.handle(delivery);
                };
                running.add(pool.submit(() -> {
                    try (KafkaShareWorker worker = new KafkaShareWorker(cluster.clientProperties(), topic, group)) {
                        while (!stop.get()) {
                            worker.pollOnce(POLL, handler);
                        }
                    }
                    return null;
                }));
            }
        }

        /** A worker that failed (e.g. a TODO) fails the test with its own exception. */
        void rethrowFailures() throws Exception {
            for (Future<?> f : running) {
                if (f.isDone()) {
                    f.get();
                }
            }
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            pool.shutdown();
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            rethrowFailures();
        }
    }

    private void awaitMembers(String group, int members, Workers workers) {
        await("공유 그룹 " + group + " 에 작업자 " + members + "명이 들어오기").atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    workers.rethrowFailures();
                    return cluster.shareGroupMembers(group) >= members;
                });
    }

    private void awaitDone(Orders.Recorder recorder, int jobs, Workers workers, String what) {
        LearnerSteps.waitFor(what, Duration.ofSeconds(20), () -> {
            workers.rethrowFailures();
            return recorder.doneCount() >= jobs;
        });
    }

    /** The test's own way (not the learner's) to let a new share group read from the start of the topic. */
    private void fromTheStart(String group) {
        cluster.setGroupConfig(group, "share.auto.offset.reset", "earliest");
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("작업 큐: 파티션이 1개인 토픽도 공유 그룹의 작업자 3명이 모두 일을 나눠 받고, 주문 30건은 한 번씩만 처리된다")
    @Hint("HINTS.ko.md#2 — 공유 그룹은 파티션이 아니라 레코드를 나눕니다. 한 명이 한꺼번에 다 잠가 가지 않게 조금씩(record_limit, max.poll.records). — 노트북 03 §7 'Kafka 의 큐: 공유 그룹(share group)'")
    void threeShareWorkersSplitOnePartition() throws Exception {
        String topic = topic(1);
        String group = UniqueNames.of("mail-workers");
        fromTheStart(group);
        Orders.Recorder recorder = new Orders.Recorder(Map.of());
        try (Workers workers = new Workers(topic, group, recorder, 3, 25)) {
            awaitMembers(group, 3, workers);
            try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
                for (OrderEvent e : Orders.jobs(30)) {
                    producer.send(new ProducerRecord<>(topic, e.orderId(), e.event()));
                    producer.flush(); // one batch per job: the broker hands out whole batches
                }
            }
            awaitDone(recorder, 30, workers, "작업자들이 주문 30건을 처리하기");
        }
        Map<String, Long> perWorker = recorder.perWorker();
        Observations.reportAs("나란히 보기", "파티션 1개, 공유 그룹 작업자 3명이 받은 건수: %s", perWorker);
        assertThat(recorder.doneCount()).as("처리된 주문 수 (30건 모두)").isEqualTo(30);
        assertThat(perWorker).as("작업자별로 받은 건수: 세 작업자 모두 일을 받아야 합니다 (컨슈머 그룹이라면 파티션 1개는 한 명만 읽습니다)")
                .containsKeys("작업자-1", "작업자-2", "작업자-3");
        assertThat(recorder.doneTwice()).as("두 번 처리된 주문: 수락(ACCEPT)한 레코드는 다시 오지 않아야 합니다").isEmpty();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("한 배치로 쓰인 주문 30건도: 작업자 한 명이 한꺼번에 잠가 가지 않고, 공유 그룹의 작업자 3명이 모두 나눠 처리한다")
    @Hint("HINTS.ko.md#2 — 기본(batch_optimized)은 배치를 통째로 잠가 한 작업자에게 줍니다. share.acquire.mode=record_limit 과 작은 max.poll.records 로 조금씩. — 노트북 03 §7 'Kafka 의 큐: 공유 그룹(share group)'")
    void aBatchOfJobsIsSharedToo() throws Exception {
        String topic = topic(1);
        String group = UniqueNames.of("mail-workers");
        fromTheStart(group);
        Orders.Recorder recorder = new Orders.Recorder(Map.of());
        try (Workers workers = new Workers(topic, group, recorder, 3, 25)) {
            awaitMembers(group, 3, workers);
            try (KafkaProducer<String, String> producer = Clients.producer(cluster, Map.of("linger.ms", "1000", "batch.size", "1000000"))) {
                for (OrderEvent e : Orders.jobs(30)) {
                    producer.send(new ProducerRecord<>(topic, e.orderId(), e.event()));
                }
                producer.flush(); // one batch: a busy producer's usual case
            }
            awaitDone(recorder, 30, workers, "작업자들이 한 배치로 온 주문 30건을 처리하기");
        }
        Map<String, Long> perWorker = recorder.perWorker();
        Observations.reportAs("나란히 보기", "한 배치의 주문 30건, 공유 그룹 작업자 3명이 받은 건수: %s", perWorker);
        assertThat(recorder.doneCount()).as("처리된 주문 수 (30건 모두)").isEqualTo(30);
        assertThat(perWorker).as("작업자별로 받은 건수: 한 배치라도 세 작업자 모두 일을 받아야 합니다 (한 명이 배치를 통째로 잠그면 나머지는 놉니다)")
                .containsKeys("작업자-1", "작업자-2", "작업자-3");
        assertThat(recorder.doneTwice()).as("두 번 처리된 주문").isEmpty();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("새 공유 그룹이 처음부터 읽도록 설정하면, 그룹이 생기기 전에 쓰인 주문 10건도 처리된다")
    @Hint("HINTS.ko.md#2 — 공유 그룹의 시작 위치는 컨슈머 설정이 아니라 그룹 설정 share.auto.offset.reset (기본 latest) 입니다. — 노트북 03 §7 'Kafka 의 큐: 공유 그룹(share group)'")
    void aNewShareGroupCanReadFromTheStart() throws Exception {
        String topic = topic(1);
        String group = UniqueNames.of("point-workers");
        publish(topic, Orders.jobs(10));
        KafkaShareWorker.readFromStart(cluster.admin(), group);
        Orders.Recorder recorder = new Orders.Recorder(Map.of());
        try (Workers workers = new Workers(topic, group, recorder, 1)) {
            awaitDone(recorder, 10, workers, "새 공유 그룹이 지난 주문 10건을 처리하기");
        }
        assertThat(recorder.doneCount()).as("그룹이 생기기 전에 쓰인 주문 중 처리된 수: 10건 (0건이면 그룹이 latest, 곧 '지금부터'에서 시작한 것)")
                .isEqualTo(10);
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("재배달: 실패(RETRY)한 주문은 배달 횟수 2 이상으로 다시 와서 처리되고, 독 메시지(POISON)는 다시 오지 않는다")
    @Hint("HINTS.ko.md#3 — RETRY → AcknowledgeType.RELEASE, POISON → REJECT, DONE → ACCEPT. 그리고 commitSync. — 노트북 03 §4 '순서: 경쟁하는 컨슈머와 재배달'")
    void aReleasedRecordComesBackAndARejectedOneDoesNot() throws Exception {
        String topic = topic(1);
        String group = UniqueNames.of("mail-workers");
        fromTheStart(group);
        publish(topic, Orders.jobs(8));
        Orders.Recorder recorder = new Orders.Recorder(Map.of("o-3", Outcome.RETRY, "o-5", Outcome.POISON));
        try (Workers workers = new Workers(topic, group, recorder, 1)) {
            awaitDone(recorder, 7, workers, "작업자가 주문 7건(독 메시지 o-5 말고 모두)을 처리하기");
            // A released record is handed out again before later ones: once a job written after o-5 is done, a
            // wrongly released o-5 would already have come back.
            publish(topic, List.of(new OrderEvent("o-9", "created")));
            awaitDone(recorder, 8, workers, "나중에 쓴 주문 o-9 까지 처리하기");
        }
        Observations.reportAs("나란히 보기", "o-3 배달 %d번(최대 배달 횟수 %d), o-5(독 메시지) 배달 %d번",
                recorder.deliveriesOf("o-3"), recorder.maxDeliveryCountOf("o-3"), recorder.deliveriesOf("o-5"));
        assertThat(recorder.done.keySet()).as("처리된 주문: o-5 를 뺀 8건").containsExactlyInAnyOrder("o-1", "o-2", "o-3", "o-4", "o-6", "o-7", "o-8", "o-9");
        assertThat(recorder.maxDeliveryCountOf("o-3")).as("실패했던 o-3 이 다시 왔을 때의 배달 횟수(deliveryCount): 2 이상").isGreaterThanOrEqualTo(2);
        assertThat(recorder.deliveriesOf("o-5")).as("독 메시지 o-5 가 배달된 횟수: 거절(REJECT)했으니 1번뿐").isEqualTo(1);
        assertThat(recorder.doneTwice()).as("두 번 처리된 주문").isEmpty();
    }
}
