package kafkacourse.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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
import kafkacourse.kit.lab.LearnerSteps;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 06 — 정확히 한 번")
class ExactlyOnceTest {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(20);

    private final KafkaCluster cluster;
    private String orders;
    private String payments;
    private ProcessorSettings settings;

    private final LabTopics topics;

    ExactlyOnceTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @BeforeEach
    void createTopics() {
        Map<String, String> durable = Map.of("min.insync.replicas", "2");
        orders = topics.create("orders", 3, durable);
        payments = topics.create("payments", 3, durable);
        settings = new ProcessorSettings(orders, payments, UniqueNames.of("payment-service"), UniqueNames.of("payment-worker-1"));
    }

    // ------------------------------------------------------------------------------------------------ task 1


    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("트랜잭션 프로듀서: 커밋한 레코드만 read_committed 로 보이고, 중단한 레코드는 read_uncommitted 에만 보인다")
    @Hint("HINTS.ko.md#1 — transactional.id 가 있어야 initTransactions/beginTransaction 을 쓸 수 있습니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void transactionalProducerCommitsOrAbortsAsAWhole() {
        Properties config = ExactlyOnceConfig.producerConfig(cluster.clientProperties(), settings.transactionalId());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            List.of("order-1", "order-2", "order-3").forEach(k -> producer.send(new ProducerRecord<>(payments, k, "committed")));
            producer.commitTransaction();
            producer.beginTransaction();
            List.of("order-4", "order-5").forEach(k -> producer.send(new ProducerRecord<>(payments, k, "aborted")));
            producer.flush(); // the aborted records really reach the log, so read_uncommitted can show them
            producer.abortTransaction();
        }

        List<String> committed = TopicReader.keys(cluster, payments, IsolationLevel.READ_COMMITTED);
        List<String> uncommitted = TopicReader.keys(cluster, payments, IsolationLevel.READ_UNCOMMITTED);
        Observations.reportAs("나란히 보기", "read_committed=%s, read_uncommitted=%s", committed, uncommitted);
        assertThat(committed).as("read_committed 로 읽은 키: 커밋한 트랜잭션의 3건만 보여야 합니다 (중단한 order-4, order-5 는 숨김)")
                .containsExactlyInAnyOrder("order-1", "order-2", "order-3");
        assertThat(uncommitted).as("read_uncommitted 로 읽은 키: 중단된 레코드도 로그에 그대로 있으므로 5건 모두 보입니다")
                .containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4", "order-5");
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("read_committed 컨슈머는 중단된 트랜잭션의 레코드를 건너뛰고, 새 그룹은 처음부터 읽는다")
    @Hint("HINTS.ko.md#1 — isolation.level 의 기본값은 read_uncommitted, auto.offset.reset 의 기본값은 latest 입니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void readCommittedConsumerSkipsAbortedRecords() {
        writeCommittedAndAborted(orders);

        List<String> seen = new ArrayList<>();
        Properties config = ExactlyOnceConfig.consumerConfig(cluster.clientProperties(), UniqueNames.of("audit"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(orders));
            if (LearnerSteps.repeatUntil("read_committed 컨슈머가 커밋된 주문 3건을 받기", Duration.ofSeconds(15),
                    () -> consumer.poll(POLL).forEach(r -> seen.add(r.key())), () -> seen.size() >= 3)) {
                // one more poll: aborted records, if they were going to show up, would come now
                consumer.poll(POLL).forEach(r -> seen.add(r.key()));
            } // else the assertion below says what arrived
        }
        assertThat(seen).as("컨슈머가 받은 키: 커밋된 order-1~3 만 와야 합니다. 중단된 order-4, order-5 가 보이면 read_uncommitted, "
                        + "아무것도 없으면 latest 에서 시작한 것입니다").containsExactlyInAnyOrder("order-1", "order-2", "order-3");
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("자동 커밋은 꺼져 있고, 멈춘 트랜잭션은 10초 안에 브로커가 정리한다")
    @Hint("HINTS.ko.md#1 — enable.auto.commit=false, transaction.timeout.ms=10000, max.block.ms 도 짧게. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void settingsLeaveNoBackdoor() {
        Properties consumer = ExactlyOnceConfig.consumerConfig(cluster.clientProperties(), "g");
        Properties producer = ExactlyOnceConfig.producerConfig(cluster.clientProperties(), "t");
        assertThat(consumer.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))
                .as("컨슈머 enable.auto.commit: 오프셋은 트랜잭션이 커밋하므로 자동 커밋은 \"false\" 여야 합니다 (기본값은 true)").isEqualTo("false");
        assertThat(producer.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))
                .as("프로듀서 transaction.timeout.ms: 기본값 60초면 죽은 인스턴스의 트랜잭션이 read_committed 독자를 1분간 막습니다. 10000 이하로")
                .isNotNull().satisfies(v -> assertThat(Integer.parseInt(v)).isBetween(1_000, 10_000));
        assertThat(producer.getProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG))
                .as("프로듀서 max.block.ms: initTransactions/commitTransaction 이 기본 60초 동안 멈추지 않도록 15000 이하로")
                .isNotNull().satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1_000L, 15_000L));
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("주문마다 결제 이벤트가 정확히 하나 생기고, 그룹의 오프셋이 끝까지 커밋된다")
    @Hint("HINTS.ko.md#2 — beginTransaction → send … → sendOffsetsToTransaction(오프셋, consumer.groupMetadata()) → commitTransaction. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void everyOrderBecomesExactlyOnePayment() {
        List<String> expected = produceOrders(1, 30);
        ScriptedHandler handler = new ScriptedHandler();
        try (OrderPaymentProcessor processor = new OrderPaymentProcessor(cluster.clientProperties(), settings, handler)) {
            processUntilAllPaid(processor, handler, expected);
        }

        assertExactlyOnce(expected);
        assertOffsetsCommittedToTheEnd();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("오프셋은 트랜잭션이 커밋한다: 컨슈머가 직접(commitSync·자동 커밋) 커밋하지 않는다")
    @Hint("HINTS.ko.md#2 — consumer.commitSync() 는 트랜잭션 밖의 커밋입니다. 결과와 오프셋이 따로 커밋되면 그 사이에 죽을 때 중복이 생깁니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void offsetsAreCommittedOnlyInsideTheTransaction() {
        List<String> expected = produceOrders(1, 12);
        Properties spied = cluster.clientProperties();
        spied.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CommitSpy.class.getName());
        ScriptedHandler handler = new ScriptedHandler();
        try (OrderPaymentProcessor processor = new OrderPaymentProcessor(spied, settings, handler)) {
            processUntilAllPaid(processor, handler, expected);
        }

        assertThat(CommitSpy.consumed(settings.groupId()))
                .as("테스트가 넘긴 cluster 설정(interceptor.classes)이 컨슈머 설정에 복사되어야 합니다: cluster 의 설정을 모두 복사하세요").isTrue();
        assertThat(CommitSpy.consumerCommits(settings.groupId()))
                .as("컨슈머가 직접 오프셋을 커밋한 횟수 (commitSync/commitAsync/자동 커밋, close 포함): 0 이어야 합니다. "
                        + "오프셋은 producer.sendOffsetsToTransaction 으로 트랜잭션 안에서 커밋합니다").isZero();
        assertOffsetsCommittedToTheEnd();
    }

    // ------------------------------------------------------------------------------------------------ task 3

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("트랜잭션 도중 죽고 다시 시작해도, read_committed 출력에는 모든 주문이 정확히 한 번 있다 (중복 0, 누락 0)")
    @Hint("HINTS.ko.md#3 — 커밋되지 않은 결과와 오프셋은 함께 사라지고, 재시작한 인스턴스가 마지막 커밋 지점부터 다시 처리합니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void crashMidTransactionThenRestartIsExactlyOnce() {
        CrashRun run = crashAndRestart();

        assertThat(run.crashed()).as("장애 흉내(SimulatedCrash)가 트랜잭션 도중에 일어나야 합니다: 한 번의 poll 로 받은 주문을 하나씩 처리하세요").isTrue();
        assertExactlyOnce(run.expected());
        assertOffsetsCommittedToTheEnd();
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("나란히 보기: 죽은 트랜잭션이 보낸 결제는 read_uncommitted 에는 보이고 read_committed 에는 없다")
    @Hint("HINTS.ko.md#3 — 중단된 레코드도 로그에 남습니다. 숨기는 것은 read_committed 컨슈머입니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void abortedRecordsAreVisibleOnlyToReadUncommitted() {
        CrashRun run = crashAndRestart();

        Map<String, Long> committed = countByKey(TopicReader.readAll(cluster, payments, IsolationLevel.READ_COMMITTED));
        Map<String, Long> uncommitted = countByKey(TopicReader.readAll(cluster, payments, IsolationLevel.READ_UNCOMMITTED));
        List<String> abortedKeys = run.sentBeforeCrash();
        Observations.reportAs("나란히 보기", "죽은 트랜잭션이 보낸 주문 %s: read_uncommitted %s, read_committed %s", abortedKeys,
                abortedKeys.stream().map(k -> k + "×" + uncommitted.getOrDefault(k, 0L)).toList(),
                abortedKeys.stream().map(k -> k + "×" + committed.getOrDefault(k, 0L)).toList());
        assertThat(abortedKeys).as("죽기 전에 트랜잭션 안에서 보낸 결제가 있어야 합니다 (주문 하나를 처리할 때마다 바로 send 하세요)").isNotEmpty();
        for (String key : abortedKeys) {
            assertThat(uncommitted.getOrDefault(key, 0L))
                    .as("read_uncommitted 에서 %s 의 결제 수: 중단된 것 1 + 재처리로 커밋된 것 1 = 2", key).isEqualTo(2L);
            assertThat(committed.getOrDefault(key, 0L))
                    .as("read_committed 에서 %s 의 결제 수: 커밋된 것 1개만", key).isEqualTo(1L);
        }
        assertThat(uncommitted.values().stream().mapToLong(Long::longValue).sum())
                .as("read_uncommitted 전체 건수 = 주문 수 + 중단된 결제 수")
                .isEqualTo(run.expected().size() + abortedKeys.size());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("일시적 오류가 나면 트랜잭션을 중단하고 같은 주문을 다시 처리한다 (누락 없음)")
    @Hint("HINTS.ko.md#3 — abortTransaction 뒤에는 컨슈머 위치가 이미 앞으로 가 있습니다. 마지막 커밋 지점으로 seek 하세요. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void temporaryFailureAbortsAndRetriesTheBatch() {
        List<String> expected = produceOrders(1, 15);
        ScriptedHandler handler = new ScriptedHandler();
        handler.armOnce(() -> {
            throw new TemporaryFailure("결제 대행사 응답 지연");
        });
        List<Throwable> thrown = new ArrayList<>();
        try (OrderPaymentProcessor processor = new OrderPaymentProcessor(cluster.clientProperties(), settings, handler)) {
            processUntilAllPaid(processor, handler, expected, thrown::add);
        }

        assertThat(handler.interrupted()).as("일시적 오류(TemporaryFailure)가 한 트랜잭션의 두 번째 주문에서 일어나야 합니다").isTrue();
        assertThat(thrown).as("processOnce 가 밖으로 던진 예외: 일시적 오류는 안에서 abortTransaction 으로 처리하고 0을 돌려줘야 합니다").isEmpty();
        assertExactlyOnce(expected);
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("이미 커밋한 주문이 있는 뒤에 일시적 오류가 나도, 마지막 커밋 지점까지만 되돌아가 커밋한 주문은 다시 결제하지 않는다")
    @Hint("HINTS.ko.md#3 — abort 뒤에는 consumer.committed(assignment) 가 돌려준 위치로 seek 하세요. 처음(seekToBeginning)으로 가면 커밋한 주문까지 다시 결제합니다. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void abortRewindsOnlyToTheLastCommit() {
        List<String> firstBatch = produceOrders(1, 12);
        ScriptedHandler handler = new ScriptedHandler();
        List<Throwable> thrown = new ArrayList<>();
        List<String> all = new ArrayList<>(firstBatch);
        try (OrderPaymentProcessor processor = new OrderPaymentProcessor(cluster.clientProperties(), settings, handler)) {
            processUntilAllPaid(processor, handler, firstBatch, thrown::add);
            assertThat(thrown).as("첫 주문 12건을 처리하는 동안 processOnce 가 던진 예외").isEmpty();
            assertOffsetsCommittedToTheEnd();

            all.addAll(produceOrders(13, 24));
            handler.armOnce(() -> {
                throw new TemporaryFailure("결제 대행사 응답 지연");
            });
            processUntilAllPaid(processor, handler, all, thrown::add);
        }

        assertThat(handler.interrupted()).as("일시적 오류(TemporaryFailure)가 두 번째 주문 묶음을 처리하는 트랜잭션에서 일어나야 합니다").isTrue();
        assertThat(thrown).as("processOnce 가 밖으로 던진 예외: 일시적 오류는 안에서 abortTransaction 으로 처리하고 0을 돌려줘야 합니다").isEmpty();
        assertExactlyOnce(all);
        assertOffsetsCommittedToTheEnd();
    }

    // ------------------------------------------------------------------------------------------------ task 4

    @Test
    @Tag("task:4")
    @Points(3)
    @DisplayName("같은 transactional.id 의 새 인스턴스가 트랜잭션 도중의 옛 인스턴스를 밀어낸다 (ProducerFencedException)")
    @Hint("HINTS.ko.md#4 — 새 인스턴스의 initTransactions 가 에포크를 올리고 옛 트랜잭션을 중단시킵니다. 펜싱은 치명적 오류: 중단·재시도하지 말고 던지세요. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void newInstanceFencesTheOldOneMidTransaction() {
        List<String> expected = produceOrders(1, 10);
        ScriptedHandler zombieHandler = new ScriptedHandler();
        List<OrderPaymentProcessor> successor = new ArrayList<>();
        zombieHandler.armOnce(() -> successor.add(new OrderPaymentProcessor(cluster.clientProperties(), settings, new ScriptedHandler())));
        List<Throwable> thrown = new ArrayList<>();
        try (OrderPaymentProcessor zombie = new OrderPaymentProcessor(cluster.clientProperties(), settings, zombieHandler)) {
            processUntil(zombie, zombieHandler, () -> !thrown.isEmpty(), thrown::add);
        }
        assertThat(zombieHandler.interrupted()).as("트랜잭션 도중(두 번째 주문)에 새 인스턴스가 시작되어야 합니다").isTrue();
        assertThat(thrown).as("옛 인스턴스의 processOnce 가 던진 예외: 원인에 ProducerFencedException 이 있어야 합니다 (펜싱을 삼키면 안 됨)")
                .singleElement().satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(ProducerFencedException.class));
        assertThat(TopicReader.keys(cluster, payments, IsolationLevel.READ_COMMITTED))
                .as("밀려난 인스턴스가 트랜잭션 안에서 보낸 결제 %s: read_committed 에 하나도 보이면 안 됩니다", zombieHandler.sentBeforeInterruption())
                .doesNotContainAnyElementsOf(zombieHandler.sentBeforeInterruption());

        ScriptedHandler handler = new ScriptedHandler();
        try (OrderPaymentProcessor newcomer = successor.get(0)) {
            processUntilAllPaid(newcomer, handler, expected);
        }
        assertExactlyOnce(expected);
    }

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("밀려난 좀비 인스턴스는 새 주문을 커밋하지 못한다")
    @Hint("HINTS.ko.md#4 — 좀비의 commitTransaction 은 ProducerFencedException 으로 실패합니다. 잡아서 0을 돌려주지 말고 그대로 던지세요. — 노트북 05 §5.5 '정확히 한 번 전달 (Exactly-Once Semantics)'")
    void zombieCannotCommitAfterTakeover() {
        List<String> first = produceOrders(1, 8);
        ScriptedHandler zombieHandler = new ScriptedHandler();
        List<Throwable> thrown = new ArrayList<>();
        try (OrderPaymentProcessor zombie = new OrderPaymentProcessor(cluster.clientProperties(), settings, zombieHandler)) {
            processUntilAllPaid(zombie, zombieHandler, first);
            OrderPaymentProcessor newcomer = new OrderPaymentProcessor(cluster.clientProperties(), settings, new ScriptedHandler());
            try (newcomer) {
                List<String> later = produceOrders(9, 14);
                processUntil(zombie, zombieHandler, () -> !thrown.isEmpty(), thrown::add);
                assertThat(thrown).as("좀비(밀려난 인스턴스)의 processOnce: ProducerFencedException 으로 실패해야 합니다")
                        .singleElement().satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(ProducerFencedException.class));
                assertThat(TopicReader.keys(cluster, payments, IsolationLevel.READ_COMMITTED))
                        .as("좀비가 처리하려던 새 주문 %s 의 결제: read_committed 에 보이면 좀비가 커밋한 것입니다", later)
                        .doesNotContainAnyElementsOf(later);
                zombie.close();
                List<String> all = new ArrayList<>(first);
                all.addAll(later);
                processUntilAllPaid(newcomer, new ScriptedHandler(), all);
                assertExactlyOnce(all);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Result of the crash scenario: what should be there, whether the crash happened, what the dead transaction sent. */
    record CrashRun(List<String> expected, boolean crashed, List<String> sentBeforeCrash) {
    }

    /**
     * 10 orders processed and committed; 10 more, and the instance dies at the second order of a transaction
     * (sent payments flushed, no commit, no abort); a new instance with the same ids finishes the work.
     */
    private CrashRun crashAndRestart() {
        List<String> expected = new ArrayList<>(produceOrders(1, 10));
        ScriptedHandler handler = new ScriptedHandler();
        List<Throwable> thrown = new ArrayList<>();
        OrderPaymentProcessor first = new OrderPaymentProcessor(cluster.clientProperties(), settings, handler);
        try {
            processUntilAllPaid(first, handler, expected);
            expected.addAll(produceOrders(11, 20));
            handler.armOnce(() -> {
                throw new SimulatedCrash();
            });
            processUntil(first, handler, () -> !thrown.isEmpty(), thrown::add);
        } finally {
            first.crashWithoutCommit();
        }
        boolean crashed = thrown.size() == 1 && thrown.get(0) instanceof SimulatedCrash;

        ScriptedHandler restartedHandler = new ScriptedHandler();
        try (OrderPaymentProcessor restarted = new OrderPaymentProcessor(cluster.clientProperties(), settings, restartedHandler)) {
            processUntilAllPaid(restarted, restartedHandler, expected);
        }
        return new CrashRun(expected, crashed, handler.sentBeforeInterruption());
    }

    private void processUntilAllPaid(OrderPaymentProcessor processor, ScriptedHandler handler, List<String> expected) {
        processUntilAllPaid(processor, handler, expected, e -> {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        });
    }

    /** Calls processOnce until a read_committed reader has seen a payment for every expected order (or time is up). */
    private void processUntilAllPaid(OrderPaymentProcessor processor, ScriptedHandler handler, List<String> expected,
                                     java.util.function.Consumer<Throwable> onThrow) {
        try (PaymentWatcher watcher = new PaymentWatcher()) {
            processUntil(processor, handler, () -> watcher.seenKeys().containsAll(expected), onThrow);
        }
    }

    /** Calls processOnce (each call a new round for the handler) until {@code done}, an exception, or the time limit. */
    private void processUntil(OrderPaymentProcessor processor, ScriptedHandler handler, java.util.function.BooleanSupplier done,
                              java.util.function.Consumer<Throwable> onThrow) {
        boolean[] stop = {false};
        LearnerSteps.repeatUntil("결제 처리", PROCESSING_LIMIT, () -> {
            handler.newRound();
            try {
                processor.processOnce(POLL);
            } catch (UnsupportedOperationException todo) {
                throw todo;
            } catch (Throwable e) {
                stop[0] = true;
                onThrow.accept(e);
            }
        }, () -> stop[0] || done.getAsBoolean()); // on time-out the assertions that follow say what is missing
    }

    /** A read_committed reader of the payments topic that keeps what it saw across polls (no group, no commits). */
    private final class PaymentWatcher implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        PaymentWatcher() {
            consumer = new KafkaConsumer<>(TopicReader.readerConfig(cluster, IsolationLevel.READ_COMMITTED));
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(i -> new TopicPartition(payments, i)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        java.util.Set<String> seenKeys() {
            consumer.poll(Duration.ofMillis(20)).forEach(r -> seen.add(r.key()));
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private List<String> produceOrders(int from, int to) {
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Clients.producer(cluster, Map.of(ProducerConfig.LINGER_MS_CONFIG, "50"))) { // one batch per partition
            for (int i = from; i <= to; i++) {
                String key = "order-" + i;
                producer.send(new ProducerRecord<>(orders, key, orderJson(key, i)));
                keys.add(key);
            }
            producer.flush();
        }
        return keys;
    }

    private static String orderJson(String orderId, int i) {
        return "{\"orderId\":\"%s\",\"amount\":%d}".formatted(orderId, 1000L * i);
    }

    private void writeCommittedAndAborted(String topic) {
        try (KafkaProducer<String, String> producer = Clients.producer(cluster, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.of("test-writer"), ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000"))) {
            producer.initTransactions();
            producer.beginTransaction();
            List.of("order-1", "order-2", "order-3").forEach(k -> producer.send(new ProducerRecord<>(topic, k, "committed")));
            producer.commitTransaction();
            producer.beginTransaction();
            List.of("order-4", "order-5").forEach(k -> producer.send(new ProducerRecord<>(topic, k, "aborted")));
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** The read_committed payments hold each expected order exactly once, with the right payment. */
    private void assertExactlyOnce(List<String> expected) {
        List<ConsumerRecord<String, String>> committed = TopicReader.readAll(cluster, payments, IsolationLevel.READ_COMMITTED);
        Map<String, Long> counts = countByKey(committed);
        List<String> duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + "×" + e.getValue()).toList();
        List<String> missing = expected.stream().filter(k -> !counts.containsKey(k)).toList();
        Observations.reportAs("정확히 한 번 검사", "주문 %d건 → read_committed 결제 %d건, 중복 %d, 누락 %d",
                expected.size(), committed.size(), duplicates.size(), missing.size());
        assertThat(duplicates).as("read_committed 결제 중 두 번 이상 나온 주문: 없어야 합니다 (오프셋이 결과와 같은 트랜잭션으로 커밋되지 않으면 재처리 때 중복)")
                .isEmpty();
        assertThat(missing).as("결제가 없는 주문: 없어야 합니다 (오프셋이 결과보다 먼저/따로 커밋되면 죽었을 때 누락)").isEmpty();
        assertThat(counts.keySet()).as("결제 토픽의 키: 입력 주문 ID 와 같아야 합니다").containsExactlyInAnyOrderElementsOf(expected);
        for (ConsumerRecord<String, String> payment : committed) {
            int i = Integer.parseInt(payment.key().substring("order-".length()));
            assertThat(payment.value()).as("주문 %s 의 결제 이벤트 값: OrderHandler 가 만든 그대로", payment.key())
                    .isEqualTo(OrderHandler.PAYMENTS.toPayment(payment.key(), orderJson(payment.key(), i)));
        }
    }

    /** The group's committed offsets equal the end of the orders topic: the read position was committed too. */
    private void assertOffsetsCommittedToTheEnd() {
        Map<Integer, Long> end = TopicReader.readAll(cluster, orders).stream()
                .collect(Collectors.toMap(ConsumerRecord::partition, r -> r.offset() + 1, Math::max, TreeMap::new));
        Map<Integer, Long> committedOffsets = cluster.committedOffsets(settings.groupId()).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue, Math::max, TreeMap::new));
        assertThat(committedOffsets).as("그룹 %s 가 커밋한 오프셋(파티션 → 다음에 읽을 오프셋): 주문 토픽의 끝(%s)과 같아야 합니다. "
                + "비어 있으면 sendOffsetsToTransaction 을 빠뜨린 것입니다",
                settings.groupId(), end).isEqualTo(end);
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
