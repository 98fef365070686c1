package kafkacourse.lab03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@KafkaLab
@DisplayName("실습 03 — 컨슈머 그룹과 오프셋")
class ConsumerGroupsTest {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final String NO_RECORDS = "0건에 머문다면 먼저 보낸 레코드를 못 받은 것입니다 — auto.offset.reset=earliest, group.id 를 확인하세요 (힌트: HINTS.ko.md#1).";

    private final KafkaCluster cluster;
    private final LabTopics topics;

    ConsumerGroupsTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    /**
     * A topic whose partitions all have the same leader, so that one fetch (one poll) brings records of several
     * partitions at once.
     */
    private String newTopicWithOneLeader(String base, int partitions) {
        List<Integer> nodes = cluster.nodeIds();
        Map<Integer, List<Integer>> replicas = new HashMap<>();
        IntStream.range(0, partitions).forEach(p -> replicas.put(p, nodes));
        return topics.createWithAssignment(base, replicas, Map.of());
    }

    // ───────────────────────── helpers (the test's own clients, independent of learner code) ─────────────────────────

    /** One record per entry; partition {@code null} lets the producer choose. Waits until all are acknowledged. */
    private void produce(String topic, List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = Clients.producer(cluster)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** {@code count} records "key-i" → partition i % partitions. */
    private List<String> produceSpread(String topic, String prefix, int count, int partitions) {
        List<ProducerRecord<String, String>> records = IntStream.range(0, count)
                .mapToObj(i -> new ProducerRecord<>(topic, i % partitions, prefix + i, "value-" + i)).toList();
        produce(topic, records);
        return records.stream().map(ProducerRecord::key).toList();
    }

    /** Reads {@code expected} records as a member of {@code group} with a plain consumer, commits, leaves. */
    private List<ConsumerRecord<String, String>> consumeAsGroup(String group, String topic, int expected) {
        Properties p = Clients.consumerConfig(cluster, group, Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200"));
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await("테스트용 컨슈머(그룹 " + group + ")가 레코드 " + expected + "건을 받을 때까지")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(POLL).forEach(received::add);
                        return received.size() >= expected;
                    });
            consumer.commitSync();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        return received;
    }

    /** Repeats {@code step} until {@code count} reaches {@code expected}; the failure says how far it got, in Korean. */
    private static void awaitCount(String what, Supplier<Integer> count, int expected, Runnable step, String hint) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
            step.run();
            assertThat(count.get()).as("%s: %d건이 되어야 합니다. %s", what, expected, hint).isGreaterThanOrEqualTo(expected);
        });
    }

    private static Set<TopicPartition> allPartitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(i -> new TopicPartition(topic, i)).collect(Collectors.toSet());
    }

    private static String show(Collection<Set<TopicPartition>> assignments) {
        return assignments.stream().map(s -> s.stream().map(TopicPartition::partition).sorted().toList().toString())
                .collect(Collectors.joining(" ", "[", "]"));
    }

    /**
     * Polls every member until the group has settled: what each member says it owns covers the topic without
     * overlap, and the group coordinator (Admin API) reports a stable group with exactly those assignments.
     */
    private void awaitSettled(String group, String topic, int partitions, List<Supplier<Set<TopicPartition>>> views, Runnable pollAll) {
        await("그룹 " + group + " 의 리밸런스가 끝나 멤버 " + views.size() + "개가 파티션을 나눠 가질 때까지")
                .atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> {
                    pollAll.run();
                    List<Set<TopicPartition>> mine = views.stream().map(Supplier::get).toList();
                    assertThat(mine.stream().mapToInt(Set::size).sum())
                            .as("멤버들이 assignment() 로 알려 준 파티션 %s: 모두 합쳐 %d개, 겹치지 않아야 합니다", show(mine), partitions)
                            .isEqualTo(partitions);
                    assertThat(mine.stream().flatMap(Set::stream).collect(Collectors.toSet()))
                            .as("멤버들이 가진 파티션의 합집합").isEqualTo(allPartitions(topic, partitions));
                    ConsumerGroupDescription d = cluster.describeGroup(group).orElseThrow(() -> new AssertionError(
                            "그룹 코디네이터가 그룹 " + group + " 을(를) 모릅니다: 이 group.id 로 참여한 멤버가 없습니다. "
                            + "멤버들이 인자로 받은 groupId 를 그대로 group.id 로 썼나요? (힌트: HINTS.ko.md#1)"));
                    assertThat(d.groupState()).as("그룹 코디네이터가 본 그룹 상태").isEqualTo(GroupState.STABLE);
                    List<Set<TopicPartition>> coordinator = d.members().stream().map(MemberDescription::assignment)
                            .map(a -> Set.copyOf(a.topicPartitions())).toList();
                    assertThat(coordinator.stream().map(ConsumerGroupsTest::sortKey).sorted().toList())
                            .as("그룹 코디네이터(Admin API)가 본 멤버별 할당 %s: 멤버들이 assignment() 로 알려 준 %s 와 같아야 합니다",
                                    show(coordinator), show(mine))
                            .isEqualTo(mine.stream().map(ConsumerGroupsTest::sortKey).sorted().toList());
                });
    }

    private static String sortKey(Set<TopicPartition> s) {
        return s.stream().map(tp -> "%03d".formatted(tp.partition())).sorted().collect(Collectors.joining(",", "", "|"));
    }

    // ───────────────────────── 1. group assignment ─────────────────────────

    @ParameterizedTest(name = "컨슈머 {0}개")
    @ValueSource(ints = {1, 2, 3, 4})
    @Tag("task:1")
    @Points(3)
    @DisplayName("파티션 3개를 같은 그룹의 컨슈머 1·2·3·4개가 겹치지 않게 나눠 갖고, 4번째 컨슈머는 논다")
    @Hint("HINTS.ko.md#1 — 모든 멤버가 같은 group.id 를 써야 하나의 그룹입니다. assignment() 는 consumer.assignment(). — 노트북 05 §5.3 'Consumer Group'")
    void groupMembersShareThePartitions(int members) {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("payment-service");
        List<OrderWorker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                workers.add(new OrderWorker(cluster.clientProperties(), topic, group));
            }
            awaitSettled(group, topic, 3, workers.stream().<Supplier<Set<TopicPartition>>>map(w -> w::assignment).toList(),
                    () -> workers.forEach(w -> w.poll(Duration.ofMillis(50))));

            List<Set<TopicPartition>> assignments = workers.stream().map(OrderWorker::assignment).toList();
            assertThat(assignments.stream().filter(a -> !a.isEmpty()).count())
                    .as("컨슈머 %d개 중 파티션을 받은 컨슈머 수 (할당: %s). 파티션이 3개이므로 min(%d, 3) 이어야 합니다",
                            members, show(assignments), members)
                    .isEqualTo(Math.min(members, 3));
            assertThat(assignments.stream().filter(Set::isEmpty).count())
                    .as("할 일 없이 노는 컨슈머 수 (할당: %s): 파티션보다 많은 컨슈머는 놉니다", show(assignments))
                    .isEqualTo(Math.max(members - 3, 0));
        } finally {
            workers.forEach(OrderWorker::close);
        }
    }

    // ───────────────────────── 2. commit after processing ─────────────────────────

    /** Thrown by a test handler to simulate the worker process dying in the middle of a batch. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("테스트가 일으킨 장애: 처리 도중 프로세스가 죽었다고 가정합니다");
        }
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("처리 도중 죽은 컨슈머를 다시 띄우면 처리하지 못한 레코드부터 다시 받는다 (잃어버리는 레코드 없음)")
    @Hint("HINTS.ko.md#2 — 커밋은 처리가 끝난 뒤에. 먼저 커밋하면 죽는 순간 처리하지 못한 레코드가 '읽은 것'이 됩니다. — 노트북 05 §5.3 'Consumer Group'")
    void crashBeforeCommitLosesNothing() throws Exception {
        String topic = topics.create("payments", 1);
        String group = UniqueNames.of("payment-service");
        List<String> keys = produceSpread(topic, "payment-", 30, 1);
        int crashAt = 4; // the 5th record: the handler dies before finishing it

        List<ConsumerRecord<String, String>> processedByA = new CopyOnWriteArrayList<>();
        AtomicBoolean crashed = new AtomicBoolean();
        try (OrderWorker a = new OrderWorker(cluster.clientProperties(), topic, group)) {
            await("첫 번째 컨슈머가 오프셋 " + crashAt + " 의 레코드를 처리하다 죽을 때까지")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
                        try {
                            a.processOnce(POLL, r -> {
                                if (r.offset() == crashAt) {
                                    crashed.set(true);
                                    throw new SimulatedCrash();
                                }
                                processedByA.add(r);
                            });
                        } catch (RuntimeException e) {
                            if (!crashed.get()) {
                                throw e;
                            }
                        }
                        assertThat(crashed.get()).as("첫 번째 컨슈머가 오프셋 %d 에 닿았는지 (지금까지 처리 %d건). " + NO_RECORDS, crashAt, processedByA.size())
                                .isTrue();
                    });
        } // closed without a commit of its own: the process is gone

        Long committed = cluster.committedOffsets(group).get(new TopicPartition(topic, 0));
        assertThat(committed == null ? 0L : committed)
                .as("장애 직후 그룹의 커밋된 오프셋: 처리하지 못한 레코드(오프셋 %d)를 지나치면 안 됩니다 — 지나쳤다면 처리 전에 커밋했거나 "
                        + "자동 커밋(enable.auto.commit)이 켜져 있습니다. 힌트: HINTS.ko.md#2", crashAt)
                .isLessThanOrEqualTo(crashAt);

        long resumeFrom = committed == null ? 0L : committed;
        List<ConsumerRecord<String, String>> processedByB = new CopyOnWriteArrayList<>();
        try (OrderWorker b = new OrderWorker(cluster.clientProperties(), topic, group)) {
            await("다시 띄운 컨슈머가 남은 레코드를 모두 처리할 때까지").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> {
                        b.processOnce(POLL, processedByB::add);
                        Set<String> done = new TreeSet<>();
                        processedByA.forEach(r -> done.add(r.key()));
                        processedByB.forEach(r -> done.add(r.key()));
                        assertThat(keys.stream().filter(k -> !done.contains(k)).toList())
                                .as("두 컨슈머 중 누구도 처리하지 못한(잃어버린) 레코드").isEmpty();
                    });
        }
        assertThat(processedByB).as("다시 띄운 컨슈머가 처리한 오프셋: 커밋된 오프셋 %d 부터 끝까지 한 번씩 (그보다 앞은 다시 오면 안 됩니다)", resumeFrom)
                .extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(offsets(resumeFrom, keys.size()));
    }

    private static List<Long> offsets(long fromInclusive, long toExclusive) {
        return java.util.stream.LongStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("끝까지 처리하고 커밋한 컨슈머를 다시 띄우면 새 레코드만 받는다 (커밋 위치 = 다음에 읽을 오프셋)")
    @Hint("HINTS.ko.md#2 — 커밋하는 값은 '마지막으로 처리한 오프셋 + 1' 입니다. 인자 없는 commitSync() 가 바로 그 값을 커밋합니다. — 노트북 05 §5.3 'Consumer Group'")
    void restartAfterCommitRedeliversNothing() throws Exception {
        String topic = topics.create("payments", 1);
        String group = UniqueNames.of("payment-service");
        produceSpread(topic, "payment-", 30, 1);

        List<String> processedByA = new CopyOnWriteArrayList<>();
        try (OrderWorker a = new OrderWorker(cluster.clientProperties(), topic, group)) {
            awaitCount("첫 번째 컨슈머가 처리한 레코드 수", processedByA::size, 30, () -> a.processOnce(POLL, r -> processedByA.add(r.key())), NO_RECORDS);
        }
        assertThat(cluster.committedOffsets(group)).as("30건(오프셋 0~29)을 처리한 뒤 그룹의 커밋된 오프셋: 다음에 읽을 위치인 30 이어야 합니다. 힌트: HINTS.ko.md#2")
                .containsEntry(new TopicPartition(topic, 0), 30L);

        List<String> fresh = List.of("payment-new-1", "payment-new-2", "payment-new-3");
        produce(topic, fresh.stream().map(k -> new ProducerRecord<>(topic, 0, k, "new")).toList());
        List<String> processedByB = new CopyOnWriteArrayList<>();
        try (OrderWorker b = new OrderWorker(cluster.clientProperties(), topic, group)) {
            awaitCount("다시 띄운 컨슈머가 처리한 레코드 수", processedByB::size, fresh.size(), () -> b.processOnce(POLL, r -> processedByB.add(r.key())),
                    "새로 보낸 레코드가 오지 않는다면 group.id 를 확인하세요 (힌트: HINTS.ko.md#1).");
        }
        assertThat(processedByB).as("다시 띄운 컨슈머가 처리한 레코드: 이미 처리한 30건은 다시 오지 않고 새 레코드 3건만 와야 합니다")
                .containsExactlyElementsOf(fresh);
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("한 번의 poll 에 여러 파티션의 레코드가 오면, 처리한 모든 파티션의 위치를 커밋한다")
    @Hint("HINTS.ko.md#2 — 한 poll 은 여러 파티션의 레코드를 함께 돌려줍니다. 마지막 레코드의 파티션만 커밋하면 나머지 파티션은 처음부터 다시 옵니다. — 노트북 05 §5.3 'Consumer Group'")
    void everyPartitionOfAPollIsCommitted() throws Exception {
        String topic = newTopicWithOneLeader("orders", 3);
        String group = UniqueNames.of("order-service");
        produceSpread(topic, "order-", 12, 3);

        List<ConsumerRecord<String, String>> processed = new CopyOnWriteArrayList<>();
        List<String> notCommitted = new ArrayList<>();
        int polls = 0;
        try (OrderWorker worker = new OrderWorker(cluster.clientProperties(), topic, group)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (processed.size() < 12 && System.nanoTime() < deadline) {
                List<ConsumerRecord<String, String>> thisPoll = new ArrayList<>();
                worker.processOnce(POLL, thisPoll::add);
                processed.addAll(thisPoll);
                polls += thisPoll.isEmpty() ? 0 : 1;
                Map<TopicPartition, Long> committed = cluster.committedOffsets(group);
                thisPoll.stream().collect(Collectors.groupingBy(r -> new TopicPartition(r.topic(), r.partition()),
                                Collectors.maxBy(java.util.Comparator.comparingLong(ConsumerRecord::offset))))
                        .forEach((tp, last) -> {
                            long next = last.orElseThrow().offset() + 1;
                            if (committed.getOrDefault(tp, -1L) < next) {
                                notCommitted.add("파티션 " + tp.partition() + ": 오프셋 " + next + " 까지 처리했는데 커밋은 "
                                        + committed.getOrDefault(tp, null));
                            }
                        });
            }
        }
        Observations.report("레코드 %d건이 poll %d번에 왔습니다 (파티션 3개, 리더 하나)", processed.size(), polls);
        assertThat(processed).as("처리한 레코드 수 (파티션 3개 × 4건). " + NO_RECORDS).hasSize(12);
        assertThat(notCommitted).as("processOnce 가 돌아온 순간, 그 poll 에서 처리한 파티션마다 '마지막 처리 오프셋 + 1' 이 커밋돼 있어야 합니다."
                + " 커밋되지 않은 파티션은 컨슈머가 죽으면 처음부터 다시 처리됩니다. 힌트: HINTS.ko.md#2").isEmpty();
        assertThat(cluster.committedOffsets(group)).as("모두 처리한 뒤 그룹의 커밋된 오프셋: 파티션마다 4")
                .isEqualTo(Map.of(new TopicPartition(topic, 0), 4L, new TopicPartition(topic, 1), 4L, new TopicPartition(topic, 2), 4L));
    }

    // ───────────────────────── 3. replay ─────────────────────────

    private static final Instant BASE = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant FROM = BASE.plus(Duration.ofMinutes(20));

    /** 30 records, one a minute from BASE; the last 10 (at or after FROM) avoid partition 2, so it has nothing to replay. */
    private void produceTimeline(String topic) {
        produce(topic, IntStream.range(0, 30).mapToObj(i -> new ProducerRecord<>(topic, i < 20 ? i % 3 : i % 2,
                BASE.plus(Duration.ofMinutes(i)).toEpochMilli(), "event-" + i, "value-" + i)).toList());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("replayAll 은 이미 그룹이 다 읽은 토픽도 처음부터 끝까지 다시 읽는다")
    @Hint("HINTS.ko.md#3 — seek 하지 않은 리더는 auto.offset.reset=latest 에 따라 끝에서 시작합니다. seekToBeginning 을 쓰세요. — 노트북 05 §5.4 '메시지 보존 및 재처리'")
    void replayAllReadsTheWholeHistory() {
        String topic = topics.create("orders", 3, Map.of("retention.ms", Long.toString(Duration.ofDays(7).toMillis())));
        // Retention decides how far back a replay can go: 7 days here (the broker default, written out).
        produceSpread(topic, "order-", 30, 3);
        consumeAsGroup(UniqueNames.of("billing"), topic, 30); // consumed and committed: still not deleted

        List<ConsumerRecord<String, String>> replayed;
        try (HistoryReplayer replayer = new HistoryReplayer(cluster.clientProperties(), topic)) {
            replayed = replayer.replayAll();
        }

        List<String> stored = TopicReader.readAll(cluster, topic).stream().map(r -> r.partition() + "@" + r.offset() + "=" + r.key()).toList();
        assertThat(replayed).as("replayAll 이 읽은 (파티션@오프셋=키): 토픽에 남아 있는 %d건이 모두 와야 합니다. "
                        + "0건이라면 처음이 아니라 끝(latest)에서 읽은 것입니다. 힌트: HINTS.ko.md#3", stored.size())
                .extracting(r -> r.partition() + "@" + r.offset() + "=" + r.key())
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("replaySince(시각) 는 그 시각 이후에 기록된 레코드만 다시 읽는다")
    @Hint("HINTS.ko.md#3 — consumer.offsetsForTimes 로 시각 → 오프셋을 찾고 seek 하세요. 결과가 null 인 파티션은 seekToEnd. — 노트북 05 §5.4 '메시지 보존 및 재처리'")
    void replaySinceReadsFromAPointInTime() {
        String topic = topics.create("orders", 3);
        produceTimeline(topic);

        List<ConsumerRecord<String, String>> replayed;
        try (HistoryReplayer replayer = new HistoryReplayer(cluster.clientProperties(), topic)) {
            replayed = replayer.replaySince(FROM);
        }

        List<String> expected = TopicReader.readAll(cluster, topic).stream().filter(r -> r.timestamp() >= FROM.toEpochMilli())
                .map(ConsumerRecord::key).toList();
        assertThat(expected).as("토픽에서 %s 이후 타임스탬프를 가진 레코드 (테스트 준비 확인)", FROM).hasSize(10);
        assertThat(replayed).as("replaySince(%s) 가 읽은 키: 그 시각 이후의 %d건만 와야 합니다 (그 전 것도, 0건도 아님). 힌트: HINTS.ko.md#3",
                        FROM, expected.size())
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("rewindGroup 으로 그룹의 커밋 위치를 과거 시각으로 돌리면 그 그룹이 그때부터 다시 읽는다")
    @Hint("HINTS.ko.md#3 — admin.listOffsets(OffsetSpec.forTimestamp(...)) 로 오프셋을 찾고 admin.alterConsumerGroupOffsets 로 커밋하세요. — 노트북 05 §5.4 '메시지 보존 및 재처리'")
    void rewindGroupReplaysForTheSameGroup() throws Exception {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("analytics");
        produceTimeline(topic);
        consumeAsGroup(group, topic, 30);

        HistoryReplayer.rewindGroup(cluster.admin(), group, topic, FROM);

        Map<TopicPartition, Long> expected = firstOffsetsAtOrAfter(topic, FROM);
        assertThat(cluster.committedOffsets(group)).as("rewindGroup 뒤 그룹의 커밋된 오프셋: 파티션마다 %s 이후 첫 레코드의 오프셋 "
                        + "(그런 레코드가 없는 파티션은 끝 오프셋)이어야 합니다. 힌트: HINTS.ko.md#3", FROM)
                .isEqualTo(expected);
        assertThat(consumeAsGroup(group, topic, 10)).as("같은 그룹의 컨슈머가 다시 읽은 키: %s 이후의 10건", FROM)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(20, 30).mapToObj(i -> "event-" + i).toList());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("replayAll 은 앞부분이 지워진 토픽(보존으로 세그먼트 삭제)도 남아 있는 첫 레코드부터 끝까지 읽는다")
    @Hint("HINTS.ko.md#3 — 파티션의 처음은 오프셋 0 이 아니라 로그 시작 오프셋입니다. 보존(retention)으로 지워진 앞부분은 읽을 수 없습니다. seekToBeginning 을 쓰세요. — 노트북 05 §5.4 '메시지 보존 및 재처리'")
    void replayAllStartsAtTheLogStart() throws Exception {
        String topic = topics.create("orders", 3);
        produceSpread(topic, "order-", 30, 3);
        // 보존 기간이 지나 오래된 세그먼트가 지워진 것과 같습니다: 파티션 0 은 앞 4건, 파티션 1 은 앞 7건이 사라집니다.
        cluster.admin().deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(4),
                new TopicPartition(topic, 1), RecordsToDelete.beforeOffset(7))).all().get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<String, String>> replayed;
        try (HistoryReplayer replayer = new HistoryReplayer(cluster.clientProperties(), topic)) {
            replayed = replayer.replayAll();
        }

        List<String> stored = TopicReader.readAll(cluster, topic).stream().map(r -> r.partition() + "@" + r.offset()).toList();
        assertThat(stored).as("앞부분을 지운 뒤 토픽에 남은 레코드 수 (테스트 준비 확인)").hasSize(30 - 4 - 7);
        assertThat(replayed).as("replayAll 이 읽은 (파티션@오프셋): 남아 있는 %d건이 모두 와야 합니다. 파티션 0·1 이 비었다면 오프셋 0 으로"
                        + " seek 해서 범위를 벗어났고(OFFSET_OUT_OF_RANGE) auto.offset.reset=latest 로 끝으로 간 것입니다. 힌트: HINTS.ko.md#3", stored.size())
                .extracting(r -> r.partition() + "@" + r.offset())
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("rewindGroup 은 그룹이 멈춘 위치와 상관없이 모든 파티션(커밋이 없던 파티션, 그 시각 뒤 레코드가 없는 파티션 포함)을 옮긴다")
    @Hint("HINTS.ko.md#3 — 토픽의 모든 파티션에 새 위치를 정하세요. 그 시각 뒤 레코드가 없는 파티션(listOffsets 결과 -1)은 끝 오프셋으로. — 노트북 05 §5.4 '메시지 보존 및 재처리'")
    void rewindGroupMovesEveryPartition() throws Exception {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("analytics");
        produceTimeline(topic);
        // 그룹은 파티션 0 과 2 에서 1건씩만 읽고 멈췄고, 파티션 1 에는 아직 커밋이 없습니다.
        cluster.admin().alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1),
                new TopicPartition(topic, 2), new OffsetAndMetadata(1))).all().get(15, TimeUnit.SECONDS);

        HistoryReplayer.rewindGroup(cluster.admin(), group, topic, FROM);

        Map<TopicPartition, Long> expected = firstOffsetsAtOrAfter(topic, FROM);
        assertThat(cluster.committedOffsets(group)).as("rewindGroup 뒤 그룹의 커밋된 오프셋 (이전: 파티션 0 → 1, 파티션 2 → 1, 파티션 1 → 없음):"
                        + " 파티션마다 %s 이후 첫 레코드의 오프셋, 그런 레코드가 없는 파티션 2 는 끝 오프셋이어야 합니다. 힌트: HINTS.ko.md#3", FROM)
                .isEqualTo(expected);
    }

    /** Per partition of the 3-partition {@code topic}: the offset of its first record at or after {@code from}, else its end offset. */
    private Map<TopicPartition, Long> firstOffsetsAtOrAfter(String topic, Instant from) {
        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        Map<TopicPartition, Long> expected = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        for (int p = 0; p < 3; p++) {
            int partition = p;
            List<ConsumerRecord<String, String>> inPartition = stored.stream().filter(r -> r.partition() == partition).toList();
            expected.put(new TopicPartition(topic, p), inPartition.stream().filter(r -> r.timestamp() >= from.toEpochMilli())
                    .mapToLong(ConsumerRecord::offset).min().orElse(inPartition.size()));
        }
        return expected;
    }

    // ───────────────────────── 4. lag ─────────────────────────

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("lagOf 는 파티션마다 '끝 오프셋 − 커밋된 오프셋' 을 돌려준다")
    @Hint("HINTS.ko.md#4 — admin.listConsumerGroupOffsets 로 커밋 위치를, admin.listOffsets(OffsetSpec.latest()) 로 끝 위치를 구하세요. — 노트북 01 연습 01-2 '밀린 일, 지연(lag)'")
    void lagIsEndMinusCommitted() throws Exception {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("shipping-service");
        int[] produced = {10, 5, 7};
        long[] committed = {4, 5, 2};
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < produced[p]; i++) {
                records.add(new ProducerRecord<>(topic, p, "order-" + p + "-" + i, "v"));
            }
        }
        produce(topic, records);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            commit.put(new TopicPartition(topic, p), new OffsetAndMetadata(committed[p]));
        }
        cluster.admin().alterConsumerGroupOffsets(group, commit).all().get(15, TimeUnit.SECONDS);

        Map<TopicPartition, Long> lag = LagMonitor.lagOf(cluster.admin(), group);

        Map<TopicPartition, Long> expected = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            expected.put(new TopicPartition(topic, p), produced[p] - committed[p]);
        }
        assertThat(lag).as("lagOf 결과 (파티션 → 지연(lag)). 테스트가 파티션 0·1·2 에 %d·%d·%d 건을 쓰고 %d·%d·%d 까지 커밋했으므로 "
                        + "6·0·5 여야 합니다. 힌트: HINTS.ko.md#4", produced[0], produced[1], produced[2], committed[0], committed[1], committed[2])
                .isEqualTo(expected);
    }

    @Test
    @Tag("task:4")
    @Points(1)
    @DisplayName("그룹이 모두 읽고 커밋하면 지연(lag)은 0, 새 레코드가 쌓이면 그만큼 다시 늘어난다")
    @Hint("HINTS.ko.md#4 — 지연(lag)은 지금 이 순간의 끝 오프셋으로 계산합니다 (OffsetSpec.latest()). — 노트북 01 연습 01-2 '밀린 일, 지연(lag)'")
    void lagFollowsTheGroup() throws Exception {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("shipping-service");
        produceSpread(topic, "order-", 12, 3);
        consumeAsGroup(group, topic, 12);

        assertThat(LagMonitor.lagOf(cluster.admin(), group)).as("그룹이 12건을 모두 읽고 커밋한 뒤의 지연(lag): 파티션 3개 모두 0")
                .containsOnlyKeys(allPartitions(topic, 3)).allSatisfy((tp, l) -> assertThat(l).as("파티션 %d 의 지연(lag)", tp.partition()).isZero());

        produce(topic, IntStream.range(0, 4).mapToObj(i -> new ProducerRecord<>(topic, 1, "late-" + i, "v")).toList());
        assertThat(LagMonitor.lagOf(cluster.admin(), group)).as("파티션 1 에 4건이 더 쌓인 뒤의 지연(lag)")
                .containsEntry(new TopicPartition(topic, 0), 0L).containsEntry(new TopicPartition(topic, 1), 4L)
                .containsEntry(new TopicPartition(topic, 2), 0L);
    }

    // ───────────────────────── 5. rebalance ─────────────────────────

    /** A owns all three partitions and processes 30 records; then B joins and the group settles. */
    private void joinSecondMember(String topic, String group, RebalanceAwareWorker a, RebalanceAwareWorker[] b,
                                  List<String> processedByB, List<String> processedByA) {
        awaitSettled(group, topic, 3, List.of(a::assignment), () -> a.pollAndProcess(POLL));
        awaitCount("첫 번째 멤버가 처리한 레코드 수", processedByA::size, 30, () -> a.pollAndProcess(POLL), NO_RECORDS);
        b[0] = new RebalanceAwareWorker(cluster.clientProperties(), topic, group, r -> processedByB.add(r.key()));
        awaitSettled(group, topic, 3, List.of(a::assignment, b[0]::assignment), () -> {
            a.pollAndProcess(POLL);
            b[0].pollAndProcess(POLL);
        });
    }

    /** {@link #joinSecondMember}, then 3 marker records, one per partition, processed by their owners after the rebalance. */
    private void joinSecondMemberAndProcessMarkers(String topic, String group, RebalanceAwareWorker a, RebalanceAwareWorker[] b,
                                                   List<String> processedByB, List<String> processedByA) {
        joinSecondMember(topic, group, a, b, processedByB, processedByA);
        List<String> markers = produceSpread(topic, "marker-", 3, 3);
        awaitCount("두 멤버가 처리한 표시 레코드 수",
                () -> (int) (processedByA.stream().filter(markers::contains).count() + processedByB.stream().filter(markers::contains).count()), 3,
                () -> {
                    a.pollAndProcess(POLL);
                    b[0].pollAndProcess(POLL);
                }, "리밸런스 뒤 새로 보낸 레코드는 파티션의 새 주인이 받아야 합니다 (힌트: HINTS.ko.md#5).");
    }

    @Test
    @Tag("task:5")
    @Points(3)
    @DisplayName("리밸런스로 파티션을 내줄 때 처리한 만큼 커밋하므로, 새 주인이 같은 레코드를 다시 처리하지 않는다")
    @Hint("HINTS.ko.md#5 — onPartitionsRevoked 에서, 내줄 파티션들의 '처리한 오프셋 + 1' 을 commitSync 하세요. — 노트북 05 §5.3 'Consumer Group'")
    void revokedPartitionsAreCommittedFirst() {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("inventory-service");
        List<String> keys = produceSpread(topic, "order-", 30, 3);
        List<String> processedByA = new CopyOnWriteArrayList<>();
        List<String> processedByB = new CopyOnWriteArrayList<>();
        RebalanceAwareWorker[] b = new RebalanceAwareWorker[1];
        try (RebalanceAwareWorker a = new RebalanceAwareWorker(cluster.clientProperties(), topic, group, r -> processedByA.add(r.key()))) {
            joinSecondMemberAndProcessMarkers(topic, group, a, b, processedByB, processedByA);
            assertThat(processedByB.stream().filter(keys::contains).toList())
                    .as("새로 들어온 멤버가 다시 처리한 옛 레코드 (파티션 %s 를 넘겨받음): 기대: 없음. 있다면 첫 멤버가 파티션을 내주기 전에 "
                            + "처리한 오프셋을 커밋하지 않은 것입니다. 힌트: HINTS.ko.md#5", b[0].assignment().stream().map(TopicPartition::partition).sorted().toList())
                    .isEmpty();
            List<String> all = new ArrayList<>(processedByA);
            all.addAll(processedByB);
            assertThat(all).as("두 멤버가 처리한 레코드 전체: 30건 + 표시 3건이 한 번씩").doesNotHaveDuplicates().hasSize(33);
        } finally {
            if (b[0] != null) {
                b[0].close();
            }
        }
    }

    @Test
    @Tag("task:5")
    @Points(2)
    @DisplayName("내줬던 파티션을 다시 받은 멤버가 떠날 때, 예전에 처리한 위치로 그룹의 커밋을 되돌리지 않는다")
    @Hint("HINTS.ko.md#5 — 내준 파티션의 '처리한 오프셋' 기록은 커밋한 뒤 지우세요. 남겨 두면 그 파티션을 다시 받았다가 내줄 때 옛 위치를 다시 커밋합니다. — 노트북 05 §5.3 'Consumer Group'")
    void revokedPartitionsForgetTheirOldPosition() {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("inventory-service");
        produceSpread(topic, "order-", 30, 3);
        List<String> processedByA = new CopyOnWriteArrayList<>();
        List<String> processedByB = new CopyOnWriteArrayList<>();
        RebalanceAwareWorker[] b = new RebalanceAwareWorker[1];
        try (RebalanceAwareWorker a = new RebalanceAwareWorker(cluster.clientProperties(), topic, group, r -> processedByA.add(r.key()))) {
            try {
                joinSecondMemberAndProcessMarkers(topic, group, a, b, processedByB, processedByA);
            } finally {
                if (b[0] != null) {
                    b[0].close(); // 두 번째 멤버가 떠나며 처리한 만큼 커밋하고, 파티션은 첫 멤버에게 돌아갑니다.
                }
            }
            awaitSettled(group, topic, 3, List.of(a::assignment), () -> a.pollAndProcess(POLL));
        }
        Map<TopicPartition, Long> end = cluster.endOffsets(topic);
        Map<TopicPartition, Long> committed = cluster.committedOffsets(group);
        Observations.report("모두 떠난 뒤 그룹의 커밋 %s, 토픽의 끝 %s", committed, end);
        assertThat(committed).as("첫 멤버가 파티션을 돌려받았다가 떠난 뒤 그룹 %s 의 커밋된 오프셋: 모든 레코드를 처리했으므로 파티션마다 끝 오프셋이어야 합니다. "
                        + "더 작다면 첫 멤버가 예전에 내준 파티션의 옛 위치를 다시 커밋해 그룹을 되돌린 것입니다 (힌트: HINTS.ko.md#5)", group)
                .isEqualTo(end);
    }

    @Test
    @Tag("task:5")
    @Points(2)
    @DisplayName("cooperative-sticky: 멤버가 늘어도 기존 멤버는 옮겨 갈 파티션만 내놓고 나머지는 계속 처리한다")
    @Hint("HINTS.ko.md#5 — partition.assignment.strategy 를 CooperativeStickyAssignor 로. 기본값(RangeAssignor 가 먼저)은 모든 파티션을 한꺼번에 회수합니다. — 노트북 05 §5.3 'Consumer Group'")
    void cooperativeStickyRevokesOnlyWhatMoves() throws Exception {
        String topic = topics.create("orders", 3);
        String group = UniqueNames.of("inventory-service");
        produceSpread(topic, "order-", 30, 3);
        List<String> processedByA = new CopyOnWriteArrayList<>();
        List<String> processedByB = new CopyOnWriteArrayList<>();
        RebalanceAwareWorker[] b = new RebalanceAwareWorker[1];
        try (RebalanceAwareWorker a = new RebalanceAwareWorker(cluster.clientProperties(), topic, group, r -> processedByA.add(r.key()))) {
            joinSecondMember(topic, group, a, b, processedByB, processedByA);

            assertThat(cluster.describeGroup(group).orElseThrow().partitionAssignor()).as("그룹 코디네이터가 알려 준 그룹의 파티션 할당 전략 (힌트: HINTS.ko.md#5)")
                    .isEqualTo("cooperative-sticky");
            Set<TopicPartition> moved = b[0].assignment();
            assertThat(a.revocations()).as("두 번째 멤버가 들어올 때 첫 멤버가 내놓은 파티션 (onPartitionsRevoked 호출마다): 두 번째 멤버에게 "
                            + "옮겨 간 파티션 %s 만이어야 합니다. 파티션 3개를 모두 내놓았다면 eager 리밸런스입니다",
                            moved.stream().map(TopicPartition::partition).sorted().toList())
                    .containsExactly(moved);
        } finally {
            if (b[0] != null) {
                b[0].close();
            }
        }
    }
}
