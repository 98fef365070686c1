package kafkacourse.lab07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 07 — 이벤트 소싱과 CQRS")
class EventSourcingTest {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Compaction needs a few cleaner rounds (log.cleaner.backoff.ms=1000 on the course brokers). */
    private static final Duration COMPACTION_LIMIT = Duration.ofSeconds(40);
    private static final String SEGMENT_ROLL_KEY = "__segment-roll__";

    private final KafkaCluster cluster;
    private final LabTopics labTopics;

    EventSourcingTest(KafkaCluster cluster, LabTopics labTopics) {
        this.cluster = cluster;
        this.labTopics = labTopics;
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("한 계좌의 이벤트는 계좌 ID 를 키로, 한 파티션에, 저장한 순서대로 쌓인다")
    @Hint("HINTS.ko.md#1 — new ProducerRecord<>(topic, 계좌ID, event.toValue()). 키가 없으면 이벤트가 여러 파티션으로 흩어집니다. — 노트북 02 '이벤트 소싱 (Event Sourcing)'")
    void eventsOfOneAccountStayInOnePartitionInOrder() {
        String topic = eventTopic();
        Map<String, List<String>> appended = new LinkedHashMap<>();
        List<RecordMetadata> positions = new ArrayList<>();
        try (AccountEventStore store = new AccountEventStore(cluster.clientProperties(), topic)) {
            for (AccountEvent event : interleavedHistory()) {
                positions.add(store.append(event));
                appended.computeIfAbsent(event.accountId(), k -> new ArrayList<>()).add(event.toValue());
            }
        }

        assertThat(positions).as("append 가 돌려준 위치(RecordMetadata): 저장할 때마다 브로커가 확인한 오프셋이 있어야 합니다")
                .hasSize(interleavedHistory().size()).allSatisfy(m -> assertThat(m.hasOffset()).isTrue());
        List<ConsumerRecord<String, String>> stored = TopicReader.readAll(cluster, topic);
        for (Map.Entry<String, List<String>> account : appended.entrySet()) {
            List<ConsumerRecord<String, String>> ofAccount = stored.stream().filter(r -> account.getKey().equals(r.key())).toList();
            assertThat(ofAccount).as("키가 %s 인 레코드의 값: 저장한 이벤트 전부가 저장한 순서대로 있어야 합니다 (키 없이 보내면 계좌를 알 수 없습니다)",
                    account.getKey()).extracting(ConsumerRecord::value).containsExactlyElementsOf(account.getValue());
            assertThat(ofAccount.stream().map(ConsumerRecord::partition).distinct().toList())
                    .as("계좌 %s 의 이벤트가 들어간 파티션: 하나여야 파티션 안의 순서 보장을 받습니다", account.getKey()).hasSize(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("새로 시작한 저장소가 이벤트를 오프셋 0부터 재생해 계좌마다 현재 잔액을 만든다")
    @Hint("HINTS.ko.md#2 — assign 후 seekToBeginning, 끝은 시작할 때의 endOffsets. latest 에서 시작하면 아무것도 재생되지 않습니다. — 노트북 02 '이벤트 소싱 (Event Sourcing)'")
    void loadReplaysEveryEventFromOffsetZero() {
        String topic = eventTopic();
        appendAll(topic, interleavedHistory());

        try (AccountEventStore fresh = new AccountEventStore(cluster.clientProperties(), topic)) {
            assertThat(fresh.load("acc-1")).as("acc-1 재생 결과: 개설, +20000, -5000, +1000 → 잔액 16000, 이벤트 4개")
                    .isEqualTo(new Account("acc-1", 16_000, 4));
            assertThat(fresh.load("acc-2")).as("acc-2 재생 결과: 개설, +5000, -5000 → 잔액 0, 이벤트 3개 (다른 계좌 이벤트가 섞이면 안 됨)")
                    .isEqualTo(new Account("acc-2", 0, 3));
            assertThat(fresh.load("acc-3")).as("acc-3 재생 결과: 개설, +700 → 잔액 700, 이벤트 2개")
                    .isEqualTo(new Account("acc-3", 700, 2));
        }
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("스냅샷 이후의 이벤트만 재생해도 처음부터 재생한 것과 같은 상태가 된다")
    @Hint("HINTS.ko.md#2 — 스냅샷의 파티션만 assign 하고 nextOffset 으로 seek. 처음부터 다시 적용하면 이벤트가 두 번 반영됩니다. — 노트북 02 '이벤트 소싱 (Event Sourcing)'")
    void snapshotPlusLaterEventsEqualsFullReplay() {
        String topic = eventTopic();
        appendAll(topic, interleavedHistory());
        try (AccountEventStore store = new AccountEventStore(cluster.clientProperties(), topic)) {
            AccountSnapshot snapshot = store.snapshot("acc-1");
            List<ConsumerRecord<String, String>> acc1 = TopicReader.readAll(cluster, topic).stream()
                    .filter(r -> "acc-1".equals(r.key())).toList();
            ConsumerRecord<String, String> last = acc1.get(acc1.size() - 1);
            assertThat(snapshot).as("스냅샷: acc-1 의 현재 상태, acc-1 이벤트의 파티션, 마지막 이벤트 다음 오프셋")
                    .isEqualTo(new AccountSnapshot(new Account("acc-1", 16_000, 4), last.partition(), last.offset() + 1));

            store.append(AccountEvent.deposited("acc-1", 4_000));
            store.append(AccountEvent.deposited("acc-2", 9_999));
            store.append(AccountEvent.withdrawn("acc-1", 10_000));

            assertThat(store.loadFrom(snapshot)).as("스냅샷(16000, 이벤트 4개) + 이후 이벤트 2개(+4000, -10000) → 잔액 10000, 이벤트 6개")
                    .isEqualTo(new Account("acc-1", 10_000, 6));
            assertThat(store.loadFrom(snapshot)).as("스냅샷에서 재생한 결과는 처음부터 재생한 결과와 같아야 합니다")
                    .isEqualTo(store.load("acc-1"));
        }
    }

    // ------------------------------------------------------------------------------------------------ task 3

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("프로젝션이 주문 요약 뷰를 만들고, 조회 쪽은 뷰 토픽만 읽어 같은 요약을 얻는다")
    @Hint("HINTS.ko.md#3 — 요약이 바뀔 때마다 (주문 ID, summary.toValue()) 를 뷰 토픽에 보내고, readView 는 키마다 마지막 값을 남깁니다. — 노트북 02 'CQRS (Command Query Responsibility Segregation)'")
    void projectionPublishesTheLatestSummaryOfEveryOrder() {
        Topics t = orderTopics();
        appendOrderEvents(t.events());
        try (OrderSummaryProjection projection = new OrderSummaryProjection(cluster.clientProperties(), t.events(), t.view(), UniqueNames.of("order-view"))) {
            runUntil(() -> projection.pollOnce(POLL), () -> projection.view().equals(expectedSummaries()));
            assertThat(projection.view()).as("프로젝션이 메모리에 만든 뷰: 주문마다 이벤트를 순서대로 적용한 요약").isEqualTo(expectedSummaries());
        }
        assertThat(OrderSummaryProjection.readView(cluster.clientProperties(), t.view()))
                .as("readView 로 뷰 토픽만 읽어 얻은 요약: 주문마다 마지막 요약이어야 합니다").isEqualTo(expectedSummaries());
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("컴팩션이 실제로 돈 뒤, 뷰 토픽에는 주문마다 최신 요약 하나만 남는다")
    @Hint("HINTS.ko.md#3 — 컴팩션은 키가 같은 옛 레코드를 지웁니다. 키 없는 레코드는 compact 토픽이 받지 않습니다. — 노트북 02 'CQRS (Command Query Responsibility Segregation)'")
    void compactionKeepsOnlyTheLatestSummaryPerOrder() {
        Topics t = orderTopics();
        appendOrderEvents(t.events());
        try (OrderSummaryProjection projection = new OrderSummaryProjection(cluster.clientProperties(), t.events(), t.view(), UniqueNames.of("order-view"))) {
            runUntil(() -> projection.pollOnce(POLL), () -> projection.view().equals(expectedSummaries()));
        }
        int beforeCompaction = viewRecords(t.view()).size();
        Observations.reportAs("컴팩션 전", "뷰 토픽 레코드 %d건 (이벤트 %d건마다 한 번씩 발행)", beforeCompaction, orderEvents().size());
        assertThat(beforeCompaction).as("컴팩션 전 뷰 토픽 레코드 수: 요약이 바뀔 때마다(이벤트마다) 하나씩 발행되어야 합니다")
                .isEqualTo(orderEvents().size());

        // Compaction never touches the active (last) segment. With segment.ms=100 each later write rolls a new
        // segment, so the test writes one filler record per partition under its own key until the cleaner has run.
        try (KafkaProducer<String, String> roller = producer()) {
            await("컴팩션이 주문마다 레코드 하나만 남기기").atMost(COMPACTION_LIMIT).pollInterval(Duration.ofMillis(500))
                    .pollInSameThread()
                    .until(() -> {
                        for (int p = 0; p < 3; p++) {
                            roller.send(new ProducerRecord<>(t.view(), p, SEGMENT_ROLL_KEY, "roll"));
                        }
                        roller.flush();
                        return viewRecords(t.view()).stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()))
                                .values().stream().allMatch(n -> n == 1);
                    });
        } catch (ConditionTimeoutException e) {
            // the assertion below shows what the topic holds
        }
        List<ConsumerRecord<String, String>> compacted = viewRecords(t.view());
        Observations.reportAs("컴팩션 후", "뷰 토픽 레코드 %d건", compacted.size());
        assertThat(compacted).as("컴팩션 후 뷰 토픽의 (주문 ID, 요약): 주문마다 최신 요약 딱 하나")
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expectedSummaries().values().stream().map(s -> tuple(s.orderId(), s.toValue())).toList());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("새 프로젝션 인스턴스(새 그룹)가 이벤트를 처음부터 읽어 같은 뷰를 다시 만든다")
    @Hint("HINTS.ko.md#3 — 새 그룹은 커밋된 오프셋이 없습니다: auto.offset.reset=earliest 여야 처음 이벤트부터 읽습니다. — 노트북 02 'CQRS (Command Query Responsibility Segregation)'")
    void aNewProjectionRebuildsTheSameViewFromScratch() {
        Topics t = orderTopics();
        appendOrderEvents(t.events());
        Map<String, OrderSummary> first;
        try (OrderSummaryProjection projection = new OrderSummaryProjection(cluster.clientProperties(), t.events(), t.view(), UniqueNames.of("order-view"))) {
            runUntil(() -> projection.pollOnce(POLL), () -> projection.view().equals(expectedSummaries()));
            first = projection.view();
        }
        String rebuiltView = labTopics.create("order-view-rebuilt", 3, compactConfigs());
        try (OrderSummaryProjection rebuilt = new OrderSummaryProjection(cluster.clientProperties(), t.events(), rebuiltView, UniqueNames.of("order-view-v2"))) {
            runUntil(() -> rebuilt.pollOnce(POLL), () -> rebuilt.view().size() == expectedSummaries().size());
            assertThat(rebuilt.view()).as("새 그룹으로 처음부터 다시 만든 뷰: 첫 프로젝션의 뷰와 같아야 합니다 (비어 있으면 latest 에서 시작한 것)")
                    .isEqualTo(first).isEqualTo(expectedSummaries());
        }
        assertThat(OrderSummaryProjection.readView(cluster.clientProperties(), rebuiltView))
                .as("다시 만든 뷰 토픽을 읽은 결과").isEqualTo(expectedSummaries());
    }

    // ------------------------------------------------------------------------------------------------ task 4

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("보강 단계: 클릭마다 카테고리를 키로 붙이고, 클릭한 시각(이벤트 시간)을 그대로 둔다")
    @Hint("HINTS.ko.md#4 — new ProducerRecord<>(topic, null, click.timestamp(), category, value). 시각을 안 넘기면 '지금'이 찍힙니다. — 노트북 02 '실시간 데이터 파이프라인'")
    void enrichmentKeysByCategoryAndKeepsEventTime() {
        PipelineTopics topics = pipelineTopics();
        List<Click> clicks = clicks();
        produceClicks(topics, clicks);
        try (ClickPipeline pipeline = new ClickPipeline(cluster.clientProperties(), topics, UniqueNames.of("clicks"))) {
            int[] enriched = {0};
            runUntil(() -> enriched[0] += pipeline.enrichOnce(POLL), () -> enriched[0] >= clicks.size());
        }

        assertThat(TopicReader.readAll(cluster, topics.enriched()))
                .as("보강 토픽의 (키=카테고리, 값=\"사용자 페이지\", 타임스탬프=클릭 시각)")
                .extracting(ConsumerRecord::key, ConsumerRecord::value, ConsumerRecord::timestamp)
                .containsExactlyInAnyOrderElementsOf(clicks.stream()
                        .map(c -> tuple(PageCatalog.categoryOf(c.page()), c.user() + " " + c.page(), c.timestamp())).toList());
    }

    @Test
    @Tag("task:4")
    @Points(3)
    @DisplayName("집계 단계: 카테고리·분(클릭 시각 기준)마다 클릭 수를 센다")
    @Hint("HINTS.ko.md#4 — ClickPipeline.windowKey(카테고리, 레코드 타임스탬프) 로 세고, 바뀐 집계만 (키, 개수) 로 보내세요. — 노트북 02 '실시간 데이터 파이프라인'")
    void clicksAreCountedPerCategoryAndMinute() {
        PipelineTopics topics = pipelineTopics();
        produceClicks(topics, clicks());
        Map<String, String> expected = new TreeMap<>(Map.of(
                "shoes@2026-05-01T10:00:00Z", "2", "books@2026-05-01T10:00:00Z", "1",
                "books@2026-05-01T10:01:00Z", "2", "shoes@2026-05-01T10:01:00Z", "1", "other@2026-05-01T10:01:00Z", "1",
                "shoes@2026-05-01T10:02:00Z", "3"));
        try (ClickPipeline pipeline = new ClickPipeline(cluster.clientProperties(), topics, UniqueNames.of("clicks"))) {
            runUntil(() -> {
                pipeline.enrichOnce(POLL);
                pipeline.aggregateOnce(POLL);
            }, () -> latestPerKey(topics.perMinute()).equals(expected));
        }

        assertThat(latestPerKey(topics.perMinute())).as("집계 토픽에서 키(카테고리@분)마다 마지막 값 = 그 분의 클릭 수").isEqualTo(expected);
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("프로젝션은 뷰 레코드가 브로커에 저장된 뒤에야 이벤트 오프셋을 커밋한다 — 커밋 직후 죽어도 뷰 갱신을 잃지 않는다")
    @Hint("HINTS.ko.md#3 — send 는 레코드를 프로듀서 버퍼에 넣을 뿐입니다. producer.flush() 로 저장을 확인한 다음에 commitSync 하세요. — 노트북 02 'CQRS (Command Query Responsibility Segregation)'")
    void projectionCommitsOnlyWhatItHasPublished() {
        // 컴팩션 없음: 뷰 레코드 수를 그대로 셀 수 있습니다.
        Topics t = new Topics(labTopics.create("order-events", 3), labTopics.create("order-summaries", 3));
        appendOrderEvents(t.events());
        String group = UniqueNames.of("order-view");
        List<String> unsafe = new ArrayList<>();
        long[] handled = {0};
        try (OrderSummaryProjection projection = new OrderSummaryProjection(slowToSend(group), t.events(), t.view(), group)) {
            runUntil(() -> {
                int n = projection.pollOnce(POLL);
                handled[0] += n;
                if (n > 0) {
                    long committed = committedCount(group);
                    int published = TopicReader.readAll(cluster, t.view()).size();
                    if (published < committed) {
                        unsafe.add("이벤트 " + committed + "건까지 커밋했는데 뷰 토픽에 저장된 갱신은 " + published + "건");
                    }
                }
            }, () -> handled[0] >= orderEvents().size() || !unsafe.isEmpty());
        }

        assertThat(unsafe).as("pollOnce 가 돌아온 순간의 (커밋한 이벤트 수, 뷰 토픽에 저장된 갱신 수): 이때 죽으면 커밋한 이벤트의 뷰 갱신은"
                + " 영영 사라집니다(다시 읽지 않으므로). 힌트: HINTS.ko.md#3").isEmpty();
        assertThat(CommitWatch.unsafeCommits(group)).as("커밋하는 순간 아직 저장되지 않은 뷰 갱신: commitSync 는 flush 가 끝난 **뒤에**"
                + " 불러야 합니다(그 사이에 죽으면 갱신을 잃습니다). 힌트: HINTS.ko.md#3").isEmpty();
        assertThat(handled[0]).as("프로젝션이 처리한 이벤트 수").isGreaterThanOrEqualTo(orderEvents().size());
    }

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("파이프라인의 각 단계는 출력이 브로커에 저장된 뒤에야 입력 오프셋을 커밋한다 — 커밋 직후 죽어도 출력을 잃지 않는다")
    @Hint("HINTS.ko.md#4 — send 는 레코드를 프로듀서 버퍼에 넣을 뿐입니다. 단계마다 producer.flush() 로 저장을 확인한 다음에 commitSync 하세요. — 노트북 02 '실시간 데이터 파이프라인'")
    void pipelineCommitsOnlyWhatItHasStored() {
        PipelineTopics topics = pipelineTopics();
        List<Click> clicks = clicks();
        produceClicks(topics, clicks);
        String groups = UniqueNames.of("clicks");
        List<String> unsafe = new ArrayList<>();
        long[] enriched = {0};
        long[] aggregated = {0};
        try (ClickPipeline pipeline = new ClickPipeline(slowToSend(groups), topics, groups)) {
            runUntil(() -> {
                int e = pipeline.enrichOnce(POLL);
                enriched[0] += e;
                if (e > 0) {
                    long committed = committedCount(groups + "-enricher");
                    int stored = TopicReader.readAll(cluster, topics.enriched()).size();
                    if (stored < committed) {
                        unsafe.add("보강: 클릭 " + committed + "건까지 커밋했는데 보강 토픽에 저장된 것은 " + stored + "건");
                    }
                }
                int a = pipeline.aggregateOnce(POLL);
                aggregated[0] += a;
                if (a > 0) {
                    long committed = committedCount(groups + "-aggregator");
                    long counted = latestPerKey(topics.perMinute()).values().stream().mapToLong(Long::parseLong).sum();
                    if (counted < committed) {
                        unsafe.add("집계: 보강 클릭 " + committed + "건까지 커밋했는데 집계 토픽의 개수 합은 " + counted);
                    }
                }
            }, () -> aggregated[0] >= clicks.size() || !unsafe.isEmpty());

        }

        assertThat(unsafe).as("단계가 돌아온 순간의 (커밋한 입력, 저장된 출력): 이때 죽으면 커밋한 입력의 출력은 영영 사라집니다"
                + "(재시작한 단계는 커밋 뒤부터 읽으므로). 힌트: HINTS.ko.md#4").isEmpty();
        assertThat(CommitWatch.unsafeCommits(groups)).as("커밋하는 순간 아직 저장되지 않은 출력: 단계마다 commitSync 는 flush 가 끝난 **뒤에**"
                + " 불러야 합니다(커밋과 flush 사이에 죽으면 출력을 잃습니다). 힌트: HINTS.ko.md#4").isEmpty();
        assertThat(enriched[0]).as("보강한 클릭 수").isGreaterThanOrEqualTo(clicks.size());
        assertThat(aggregated[0]).as("집계한 클릭 수").isGreaterThanOrEqualTo(clicks.size());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Client settings under which a producer keeps records in its buffer for a minute before sending them (as a busy
     * producer filling large batches would): only {@code flush()} (or {@code get()} on each send) stores them at once.
     */
    private Properties slowToSend(String watchId) {
        Properties p = cluster.clientProperties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        // 같은 설정이 프로듀서와 컨슈머 모두에 가므로, 커밋하는 순간 저장 확인을 못 받은 출력이 있었는지 볼 수 있습니다.
        p.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, CommitWatch.class.getName());
        p.put(CommitWatch.WATCH_ID, watchId);
        return p;
    }

    /** How many input records the group has committed (every input topic here starts at offset 0). */
    private long committedCount(String group) {
        return cluster.committedOffsets(group).values().stream().mapToLong(Long::longValue).sum();
    }

    private record Topics(String events, String view) {
    }

    private record Click(String user, String page, long timestamp) {
    }

    private static List<AccountEvent> interleavedHistory() {
        return List.of(
                AccountEvent.opened("acc-1"), AccountEvent.opened("acc-2"), AccountEvent.deposited("acc-1", 20_000),
                AccountEvent.deposited("acc-2", 5_000), AccountEvent.opened("acc-3"), AccountEvent.withdrawn("acc-1", 5_000),
                AccountEvent.withdrawn("acc-2", 5_000), AccountEvent.deposited("acc-3", 700), AccountEvent.deposited("acc-1", 1_000));
    }

    private static List<OrderEvent> orderEvents() {
        return List.of(
                new OrderEvent("order-1", OrderEvent.Type.PLACED, 10_000), new OrderEvent("order-2", OrderEvent.Type.PLACED, 20_000),
                new OrderEvent("order-1", OrderEvent.Type.ITEM_ADDED, 5_000), new OrderEvent("order-3", OrderEvent.Type.PLACED, 7_000),
                new OrderEvent("order-2", OrderEvent.Type.CANCELLED, 0), new OrderEvent("order-3", OrderEvent.Type.ITEM_ADDED, 3_000),
                new OrderEvent("order-1", OrderEvent.Type.PAID, 0), new OrderEvent("order-4", OrderEvent.Type.PLACED, 5_000),
                new OrderEvent("order-3", OrderEvent.Type.ITEM_ADDED, 1_000), new OrderEvent("order-5", OrderEvent.Type.PLACED, 8_000),
                new OrderEvent("order-1", OrderEvent.Type.SHIPPED, 0), new OrderEvent("order-3", OrderEvent.Type.PAID, 0),
                new OrderEvent("order-5", OrderEvent.Type.PAID, 0), new OrderEvent("order-5", OrderEvent.Type.SHIPPED, 0));
    }

    private static Map<String, OrderSummary> expectedSummaries() {
        Map<String, OrderSummary> view = new TreeMap<>();
        for (OrderEvent e : orderEvents()) {
            view.put(e.orderId(), view.getOrDefault(e.orderId(), OrderSummary.empty(e.orderId())).apply(e));
        }
        return Map.copyOf(view);
    }

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static List<Click> clicks() {
        return List.of(
                new Click("u1", "/shoes/running", at(5)), new Click("u2", "/books/kafka", at(10)), new Click("u3", "/shoes/hiking", at(50)),
                new Click("u1", "/books/java", at(65)), new Click("u2", "/books/kafka", at(70)), new Click("u4", "/shoes/running", at(100)),
                new Click("u5", "/about", at(110)), new Click("u3", "/shoes/running", at(125)), new Click("u1", "/shoes/running", at(130)),
                new Click("u2", "/shoes/hiking", at(170)));
    }

    private static long at(int secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).toEpochMilli();
    }

    private String eventTopic() {
        return labTopics.create("account-events", 3);
    }

    private Topics orderTopics() {
        return new Topics(labTopics.create("order-events", 3), labTopics.create("order-summaries", 3, compactConfigs()));
    }

    /** A compacted topic whose segments roll after 100 ms and get cleaned as soon as 1 % of them is dirty. */
    private static Map<String, String> compactConfigs() {
        return Map.of("cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio", "0.01",
                "min.compaction.lag.ms", "0");
    }

    private PipelineTopics pipelineTopics() {
        // 클릭의 이벤트 시간은 고정된 과거 시각입니다. 강좌 클러스터는 보존 기간 검사를 5초마다 하므로(7일 기본 보존),
        // 보존을 끄지 않으면 브로커가 테스트 도중에 "오래된" 세그먼트를 지웁니다.
        Map<String, String> keepForever = Map.of("retention.ms", "-1");
        return new PipelineTopics(labTopics.create("clicks", 3, keepForever), labTopics.create("clicks-enriched", 3, keepForever),
                labTopics.create("clicks-per-minute", 3, keepForever));
    }

    private KafkaProducer<String, String> producer() {
        return Clients.producer(cluster);
    }

    /** Written by the test, not by learner code, for the tests that start after task 1. */
    private void appendAll(String topic, List<AccountEvent> events) {
        try (KafkaProducer<String, String> producer = producer()) {
            events.forEach(e -> producer.send(new ProducerRecord<>(topic, e.accountId(), e.toValue())));
            producer.flush();
        }
    }

    private void appendOrderEvents(String topic) {
        try (KafkaProducer<String, String> producer = producer()) {
            orderEvents().forEach(e -> producer.send(new ProducerRecord<>(topic, e.orderId(), e.toValue())));
            producer.flush();
        }
    }

    private void produceClicks(PipelineTopics topics, List<Click> clicks) {
        try (KafkaProducer<String, String> producer = producer()) {
            clicks.forEach(c -> producer.send(new ProducerRecord<>(topics.clicks(), null, c.timestamp(), c.user(), c.page())));
            producer.flush();
        }
    }

    private List<ConsumerRecord<String, String>> viewRecords(String viewTopic) {
        return TopicReader.readAll(cluster, viewTopic).stream().filter(r -> !SEGMENT_ROLL_KEY.equals(r.key())).toList();
    }

    private Map<String, String> latestPerKey(String topic) {
        Map<String, String> latest = new TreeMap<>();
        TopicReader.readAll(cluster, topic).forEach(r -> latest.put(String.valueOf(r.key()), r.value()));
        return latest;
    }

    /** Runs one step of learner code after another until {@code done} or 20 s; the assertions that follow say what is wrong. */
    private static void runUntil(Runnable step, BooleanSupplier done) {
        LearnerSteps.repeatUntil("처리", Duration.ofSeconds(20), step, done);
    }
}
