package kafkacourse.lab05;

import static kafkacourse.kit.cluster.KafkaCluster.CLUSTER_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafkacourse.kit.Clients;
import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.junit.RequiresBrokerControl;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 05 — 복제와 장애 복구")
class ReplicationFailoverTest {

    private final KafkaCluster cluster;
    private final LabTopics topics;
    private final PartitionInspector inspector;

    ReplicationFailoverTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
        this.inspector = new PartitionInspector(cluster.admin());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * The learner's awaitFullIsr, run on another thread and given {@code atMost} plus a margin to come back: what it
     * returned, or what it threw ("not implemented yet" is passed on as it is, so the learner sees the TODO).
     */
    private CompletableFuture<List<Integer>> awaitFullIsrInBackground(String topic, Duration atMost) {
        return CompletableFuture.supplyAsync(() -> inspector.awaitFullIsr(topic, 0, atMost));
    }

    private static Throwable failureOf(CompletableFuture<List<Integer>> waiting, Duration atMost) throws Exception {
        try {
            waiting.get(atMost.toSeconds() + 30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof UnsupportedOperationException todo) {
                throw todo;
            }
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("awaitFullIsr(…, " + atMost.toSeconds() + "초) 가 " + (atMost.toSeconds() + 30)
                    + "초가 지나도 돌아오지 않았습니다: 마감 시각(atMost)을 지켜야 합니다. 힌트: HINTS.ko.md#3");
        }
    }

    /** The test's own acks=all producer that gives up after {@code deliveryTimeoutMs} (independent of learner code). */
    private Properties plainProducerConfig(int deliveryTimeoutMs) {
        return Clients.producerConfig(cluster, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(1500, deliveryTimeoutMs)),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMs)));
    }

    private void produceWithPlainProducer(String topic, List<String> keys) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plainProducerConfig(10_000))) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(topic, key, key)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> storedKeys(String topic) {
        return TopicReader.keys(cluster, topic);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("정상 클러스터에서 파티션마다 리더와 ISR을 찾는다")
    @Hint("HINTS.ko.md#1 — admin.describeTopics(List.of(topic)).allTopicNames().get(...) 의 partitions(). — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void findsLeaderAndIsrOfEveryPartition() {
        String topic = topics.create("orders", 3);

        for (int p = 0; p < 3; p++) {
            int leader = inspector.leaderOf(topic, p);
            List<Integer> isr = inspector.isrOf(topic, p);
            assertThat(leader).as("파티션 %d 의 리더: 클러스터가 아는 리더와 같아야 합니다 (HINTS.ko.md#1)", p).isEqualTo(cluster.leaderOf(topic, p));
            assertThat(isr).as("파티션 %d 의 ISR: 정상이면 세 브로커 모두 (HINTS.ko.md#1)", p)
                    .containsExactlyInAnyOrderElementsOf(cluster.nodeIds());
            assertThat(isr).as("파티션 %d: 리더는 언제나 ISR 안에 있습니다", p).contains(leader);
        }
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:1")
    @Points(2)
    @DisplayName("리더 브로커를 죽이면 ISR 안의 다른 브로커가 새 리더가 되고, 그것을 찾아낸다")
    @Hint("HINTS.ko.md#1 — replicas().get(0) 은 처음 정해진 '선호 리더'일 뿐입니다. leader() 를 보세요. — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void findsTheNewLeaderAfterTheLeaderIsKilled() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        String topic = topics.createOn("orders", nodes, Map.of());
        int oldLeader = inspector.leaderOf(topic, 0);
        assertThat(oldLeader).as("처음 리더: 선호 리더 %d (HINTS.ko.md#1)", nodes.get(0)).isEqualTo(nodes.get(0));

        cluster.kill(oldLeader);
        Awaitility.await("브로커 " + oldLeader + " 대신 새 리더가 뽑히기를")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cluster.leaderOf(topic, 0) != -1 && cluster.leaderOf(topic, 0) != oldLeader
                        && !cluster.isrOf(topic, 0).contains(oldLeader));

        int newLeader = inspector.leaderOf(topic, 0);
        List<Integer> isr = inspector.isrOf(topic, 0);
        Observations.report("리더 %d 강제 종료 → 새 리더 %d, ISR %s (복제본 목록은 그대로 %s)", oldLeader, newLeader, isr, cluster.replicasOf(topic, 0));
        assertThat(newLeader).as("새 리더: 클러스터가 아는 현재 리더와 같아야 하고, 죽은 %d 나 선호 리더(replicas[0])가 아닙니다 (HINTS.ko.md#1)", oldLeader)
                .isEqualTo(cluster.leaderOf(topic, 0)).isNotEqualTo(oldLeader);
        assertThat(isr).as("ISR: 죽은 브로커 %d 는 빠지고 나머지 둘만 (HINTS.ko.md#1)", oldLeader)
                .containsExactlyInAnyOrderElementsOf(nodes.subList(1, 3));
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("프로듀서 설정: acks=all, 멱등성, 재시도 켜짐, 장애 조치보다 길지만 끝이 있는 전달 제한 시간")
    @Hint("HINTS.ko.md#2 — retries=0 이나 acks=1 은 장애 조치 순간의 레코드를 잃거나 실패시킵니다. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void producerConfigRidesOutAFailover() {
        Properties config = FailoverProducer.producerConfig(cluster.clientProperties());
        ProducerConfig parsed = new ProducerConfig(config);

        String acks = parsed.getString(ProducerConfig.ACKS_CONFIG).trim();
        assertThat(acks.equals("-1") ? "all" : acks).as("acks: 새 리더도 확인된 레코드를 가지려면 all (HINTS.ko.md#2)").isEqualTo("all");
        assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
                .as("enable.idempotence 를 명시적으로 true 로 (HINTS.ko.md#2)").isEqualTo("true");
        assertThat(parsed.getInt(ProducerConfig.RETRIES_CONFIG)).as("retries: 0 이면 장애 조치 순간의 요청이 실패합니다 (HINTS.ko.md#2)").isPositive();
        assertThat(parsed.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
                .as("delivery.timeout.ms: 장애 조치(수 초)보다 충분히 길고(≥ 10초) 끝이 있어야(≤ 2분) 합니다 (HINTS.ko.md#2)")
                .isBetween(10_000, 120_000);
        new FailoverProducer(cluster.clientProperties(), "unused").close(); // the settings must not conflict
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("확인받지 못한 전송은 삼키지 않고 OrderNotStoredException 으로 알린다")
    @Hint("HINTS.ko.md#2 — get() 의 ExecutionException 을 잡아 원인을 담은 OrderNotStoredException 을 던지세요. null 을 돌려주면 안 됩니다. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void unacknowledgedSendIsReportedNotSwallowed() throws Exception {
        // A topic that does not exist (auto-creation is off): no broker can ever acknowledge this record.
        String missing = UniqueNames.of("no-such-topic");
        CompletableFuture<RecordMetadata> sending;
        try (FailoverProducer producer = new FailoverProducer(cluster.clientProperties(), missing)) {
            sending = CompletableFuture.supplyAsync(() -> producer.send("order-1", "nobody will store this"));
            Awaitility.await("존재하지 않는 토픽으로의 전송이 (max.block.ms 안에) 끝나기를")
                    .atMost(Duration.ofSeconds(130)).pollInterval(Duration.ofMillis(200)).until(sending::isDone);
        }
        Throwable thrown = null;
        RecordMetadata returned = null;
        try {
            returned = sending.join();
        } catch (java.util.concurrent.CompletionException e) {
            thrown = e.getCause();
        }
        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        Observations.report("존재하지 않는 토픽으로 보낸 결과: %s", thrown != null ? thrown.getMessage() : "돌려준 값 " + returned);
        assertThat(returned).as("확인받지 못했는데 send 가 값을 돌려주면 안 됩니다 (HINTS.ko.md#2)").isNull();
        assertThat(thrown).as("확인받지 못한 전송은 OrderNotStoredException 으로 알려야 합니다 (HINTS.ko.md#2)")
                .isInstanceOf(OrderNotStoredException.class);
        assertThat(((OrderNotStoredException) thrown).key()).as("예외에 담긴 주문 키").isEqualTo("order-1");
    }

    /** One send of the producing loop. */
    private record Attempt(String key, long startNanos, long endNanos, RecordMetadata metadata, RuntimeException error) {
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:2")
    @Points(4)
    @DisplayName("리더를 SIGKILL 해도 acks=all 전송은 새 리더로 이어지고, 확인받은 레코드는 하나도 사라지지 않는다")
    @Hint("HINTS.ko.md#2 — 설정(acks=all, 멱등성, 재시도, 충분한 delivery.timeout.ms)과, 실패를 삼키지 않는 send. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void keepsProducingAcrossALeaderFailover() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        // Leader and followers chosen so that the killed leader is not the active controller: this measures a
        // partition failover. (Killing the controller adds a quorum election first; task 5 shows that one.)
        String topic = topics.createOn("payments", nodes, Map.of("min.insync.replicas", "2"));
        int oldLeader = nodes.get(0);
        List<Integer> isrBeforeKill = cluster.isrOf(topic, 0);

        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long killedAt;
        CompletableFuture<Void> producing;
        try (FailoverProducer producer = new FailoverProducer(cluster.clientProperties(), topic)) {
            producing = CompletableFuture.runAsync(() -> {
                for (int i = 1; running.get(); i++) {
                    String key = "payment-" + i;
                    long start = System.nanoTime();
                    try {
                        RecordMetadata metadata = producer.send(key, "{\"paymentId\":\"" + key + "\"}");
                        attempts.add(new Attempt(key, start, System.nanoTime(), metadata, null));
                    } catch (RuntimeException e) {
                        attempts.add(new Attempt(key, start, System.nanoTime(), null, e));
                        if (e instanceof UnsupportedOperationException) {
                            return;
                        }
                    }
                }
            });
            // stage 1: steady state.
            Awaitility.await("장애 전에 20건이 확인되기를").atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(50))
                    .until(() -> producing.isDone() || attempts.size() >= 20);
            rethrowTodo(attempts);

            // stage 2: the leader dies like in a power cut.
            killedAt = System.nanoTime();
            cluster.kill(oldLeader);
            long killReturned = System.nanoTime();
            Awaitility.await("브로커 " + oldLeader + " 를 죽인 뒤 보낸 레코드가 새 리더를 통해 확인되기를")
                    .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(50))
                    .until(() -> producing.isDone() || firstAckAfter(attempts, killReturned) != null);
            // stage 3: keep going on the new leader for a while.
            int afterFailover = attempts.size();
            Awaitility.await("새 리더로 20건을 더 보내기를").atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(50))
                    .until(() -> producing.isDone() || attempts.size() >= afterFailover + 20);
            running.set(false);
            producing.get(60, TimeUnit.SECONDS);
        }
        rethrowTodo(attempts);

        List<Attempt> all = List.copyOf(attempts);
        List<Attempt> failed = all.stream().filter(a -> a.error() != null || a.metadata() == null).toList();
        int newLeader = cluster.leaderOf(topic, 0);
        List<Integer> isrWhileDown = cluster.isrOf(topic, 0);
        List<String> acknowledged = all.stream().filter(a -> a.metadata() != null).map(Attempt::key).toList();
        Attempt firstAfter = firstAckAfter(all, killedAt);
        List<String> stored = storedKeys(topic);

        if (firstAfter != null) {
            Measurements.report("장애 조치 시간: %.1f초 (브로커 %d 강제 종료 → 새 리더 %d 를 통한 첫 acks=all 전송 성공)",
                    seconds(firstAfter.endNanos() - killedAt), oldLeader, newLeader);
        }
        Observations.report("보낸 %d건, 확인 %d건, 실패 %d건, 장애 전 ISR %s → 장애 중 ISR %s", all.size(), acknowledged.size(), failed.size(),
                isrBeforeKill, isrWhileDown);

        assertThat(failed).as("장애 조치 중에도 모든 전송이 확인(ack)되어야 합니다. 실패한 전송 (HINTS.ko.md#2)")
                .extracting(a -> a.key() + ": " + (a.error() == null ? "send 가 null 을 돌려줌" : a.error().getMessage()))
                .isEmpty();
        assertThat(firstAfter).as("브로커 %d 를 죽인 뒤 보낸 레코드 중 확인받은 것 (HINTS.ko.md#2)", oldLeader).isNotNull();
        assertThat(newLeader).as("새 리더는 죽은 %d 가 아니고, 장애 전 ISR %s 중 하나여야 합니다", oldLeader, isrBeforeKill)
                .isNotEqualTo(oldLeader).isIn(isrBeforeKill);
        assertThat(isrWhileDown).as("장애 중 ISR: 죽은 브로커 %d 가 빠져 줄어야 합니다", oldLeader).doesNotContain(oldLeader).hasSize(2);
        assertThat(stored).as("확인받은 레코드는 모두 토픽에 있어야 합니다 — 잃어버린 확인 0건 (HINTS.ko.md#2)").containsAll(acknowledged);
        assertThat(duplicates(stored)).as("재시도가 있었어도 중복 기록이 없어야 합니다 — 멱등성 (HINTS.ko.md#2)").isEmpty();

        cluster.start(oldLeader);
        cluster.awaitIsrFull(topic, CLUSTER_CHANGE);
        Observations.report("브로커 %d 재시작 → ISR %s 로 회복, 리더는 %d", oldLeader, cluster.isrOf(topic, 0), cluster.leaderOf(topic, 0));
        assertThat(cluster.isrOf(topic, 0)).as("재시작 뒤 ISR 은 다시 3개").hasSize(3);
    }

    private static Attempt firstAckAfter(List<Attempt> attempts, long nanos) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.metadata() != null && a.startNanos() >= nanos).findFirst().orElse(null);
        }
    }

    private static void rethrowTodo(List<Attempt> attempts) {
        synchronized (attempts) {
            attempts.stream().map(Attempt::error).filter(UnsupportedOperationException.class::isInstance).findFirst().ifPresent(e -> {
                throw e;
            });
        }
    }

    private static List<String> duplicates(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    // ------------------------------------------------------------------------------------------------ task 3

    @Test
    @RequiresBrokerControl
    @Tag("task:3")
    @Points(2)
    @DisplayName("팔로워가 죽으면 ISR이 줄고, 다시 살아나면 awaitFullIsr 는 ISR이 3개로 찬 뒤에야 돌아온다")
    @Hint("HINTS.ko.md#3 — 마감 시각이 있는 반복 조회. 조건은 isr 크기 == replicas 크기. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void awaitFullIsrReturnsOnlyAfterTheFollowerCaughtUp() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        String topic = topics.createOn("inventory", nodes, Map.of("min.insync.replicas", "2"));
        int follower = nodes.get(1);
        produceWithPlainProducer(topic, IntStream.rangeClosed(1, 50).mapToObj(i -> "item-" + i).toList());

        cluster.kill(follower);
        Awaitility.await("ISR 에서 브로커 " + follower + " 가 빠지기를 (PartitionInspector.isrOf 로 확인)")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(inspector.isrOf(topic, 0)).as("팔로워 %d 를 죽인 뒤의 ISR (HINTS.ko.md#1)", follower)
                        .doesNotContain(follower).hasSize(2));
        produceWithPlainProducer(topic, IntStream.rangeClosed(51, 100).mapToObj(i -> "item-" + i).toList());

        CompletableFuture<List<Integer>> waiting = CompletableFuture.supplyAsync(
                () -> inspector.awaitFullIsr(topic, 0, Duration.ofSeconds(60)));
        Awaitility.await("브로커 " + follower + " 가 꺼져 있는 동안 awaitFullIsr 가 계속 기다리기를 (1초 동안 확인)")
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (waiting.isCompletedExceptionally()) {
                        waiting.join(); // shows the learner's exception (e.g. an unfinished TODO)
                    }
                    return !waiting.isDone();
                });

        cluster.start(follower);
        List<Integer> isr = waiting.get(90, TimeUnit.SECONDS);
        Observations.report("브로커 %d 재시작 → awaitFullIsr 가 돌려준 ISR: %s", follower, isr);
        assertThat(isr).as("awaitFullIsr 가 돌려준 ISR: 돌아온 %d 를 포함한 세 브로커 (HINTS.ko.md#3)", follower)
                .containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(cluster.isrOf(topic, 0)).as("awaitFullIsr 가 돌아온 시점의 실제 ISR").hasSize(3);
        assertThat(storedKeys(topic)).as("팔로워가 없는 동안 쓴 레코드까지 모두 있어야 합니다").hasSize(100);
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("awaitFullIsr 는 복제 계수 2 인 토픽에서도, 두 복제본이 모두 ISR 에 있으면 돌아온다")
    @Hint("HINTS.ko.md#3 — '가득 찬 ISR' 은 ISR 크기 == 그 파티션의 replicas 크기입니다. 3 은 이 토픽의 복제 계수일 뿐입니다. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void awaitFullIsrFollowsTheReplicationFactor() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        String topic = topics.createOn("inventory-rf2", nodes.subList(0, 2), Map.of());
        Duration atMost = Duration.ofSeconds(5);

        CompletableFuture<List<Integer>> waiting = awaitFullIsrInBackground(topic, atMost);
        Throwable failure = failureOf(waiting, atMost);

        assertThat(failure).as("복제 계수 2 인 건강한 토픽(복제본 %s)에서 awaitFullIsr 가 실패했습니다: ISR 이 '3개'가 될 때를"
                + " 기다리면 복제본이 2개인 토픽은 영영 가득 차지 않습니다. 힌트: HINTS.ko.md#3", nodes.subList(0, 2)).isNull();
        assertThat(waiting.get()).as("awaitFullIsr 가 돌려준 ISR: 두 복제본 %s", nodes.subList(0, 2))
                .containsExactlyInAnyOrderElementsOf(nodes.subList(0, 2));
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:3")
    @Points(2)
    @DisplayName("팔로워가 꺼진 채로 마감 시각이 지나면, awaitFullIsr 는 덜 찬 ISR 을 돌려주지 않고 실패한다")
    @Hint("HINTS.ko.md#3 — 마감 시각까지 ISR 이 차지 않았다면 그것은 '성공'이 아닙니다. 덜 찬 ISR 을 돌려주지 말고 예외를 던지세요. — 노트북 04 §7 '직접 해 보기: 리더 브로커를 강제로 죽이기'")
    void awaitFullIsrFailsWhenTheIsrCannotFillInTime() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        String topic = topics.createOn("inventory", nodes, Map.of());
        int follower = nodes.get(1);

        cluster.stop(follower);
        cluster.awaitIsr(topic, 0, 2);
        Duration atMost = Duration.ofSeconds(2);
        CompletableFuture<List<Integer>> waiting = awaitFullIsrInBackground(topic, atMost);
        Throwable failure = failureOf(waiting, atMost);

        Observations.report("브로커 %d 가 멈춘 동안 awaitFullIsr(…, 2초): %s", follower,
                failure == null ? "돌려준 값 " + waiting.join() : "실패 — " + failure);
        assertThat(failure).as("브로커 %d 가 멈춰 있어 ISR 이 2초 안에 %s 로 찰 수 없는데, awaitFullIsr 가 %s 를 돌려주었습니다."
                        + " 마감이 지나면 예외로 알려야 호출한 쪽이 '복구됐다'고 착각하지 않습니다. 힌트: HINTS.ko.md#3",
                follower, nodes, waiting.isDone() && !waiting.isCompletedExceptionally() ? waiting.join() : "?").isNotNull();
    }

    // ------------------------------------------------------------------------------------------------ task 4

    @Test
    @RequiresBrokerControl
    @Tag("task:4")
    @Points(2)
    @DisplayName("팔로워 하나가 멈추면 min.insync.replicas 에 따라 '복제 부족' 또는 '최소 ISR 미달'로 판정한다")
    @Hint("HINTS.ko.md#4 — admin.describeConfigs 로 토픽의 min.insync.replicas 를 읽어 ISR 크기와 비교하세요. — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void judgesUnderReplicatedAndUnderMinIsr() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        String relaxed = topics.createOn("stock", nodes, Map.of("min.insync.replicas", "2"));
        String strict = topics.createOn("ledger", nodes, Map.of("min.insync.replicas", "3"));
        assertThat(inspector.health(relaxed, 0)).as("정상 클러스터, min.insync.replicas=2 (HINTS.ko.md#4)").isEqualTo(PartitionHealth.HEALTHY);
        assertThat(inspector.health(strict, 0)).as("정상 클러스터, min.insync.replicas=3 (HINTS.ko.md#4)").isEqualTo(PartitionHealth.HEALTHY);

        int follower = nodes.get(1);
        cluster.stop(follower);
        cluster.awaitIsr(relaxed, 0, 2);
        cluster.awaitIsr(strict, 0, 2);

        PartitionHealth relaxedHealth = inspector.health(relaxed, 0);
        PartitionHealth strictHealth = inspector.health(strict, 0);
        Observations.report("브로커 %d 정지, ISR 2개: min.insync.replicas=2 → %s / min.insync.replicas=3 → %s", follower,
                relaxedHealth.korean(), strictHealth.korean());
        assertThat(relaxedHealth).as("ISR 2개 ≥ min.insync.replicas 2: 아직 acks=all 쓰기가 됩니다 (HINTS.ko.md#4)")
                .isEqualTo(PartitionHealth.UNDER_REPLICATED);
        assertThat(strictHealth).as("ISR 2개 < min.insync.replicas 3: acks=all 쓰기가 거부됩니다 (HINTS.ko.md#4)")
                .isEqualTo(PartitionHealth.UNDER_MIN_ISR);
    }

    @Test
    @RequiresBrokerControl
    @Tag("task:4")
    @Points(3)
    @DisplayName("ISR 복제본이 모두 죽으면, 뒤처진 복제본이 살아 있어도 파티션은 리더 없이 멈춘다 — 잃느니 멈춘다")
    @Hint("HINTS.ko.md#4 — 리더가 없으면 leader() 가 null 또는 빈 노드: leaderOf 는 -1, health 는 OFFLINE. — 노트북 04 §7 '복제(Replication)와 장애 복구'")
    void partitionStaysOfflineRatherThanElectingAnOutOfSyncReplica() throws Exception {
        List<Integer> nodes = cluster.nodesControllerLast();
        int a = nodes.get(0);
        int b = nodes.get(1);
        // RF=2 on [A, B], min.insync.replicas=1 and unclean.leader.election.enable=false (the default).
        String topic = topics.createOn("shipments", List.of(a, b), Map.of("min.insync.replicas", "1", "unclean.leader.election.enable", "false"));
        produceWithPlainProducer(topic, List.of("ship-1", "ship-2", "ship-3"));

        // stage 1: B goes away; A alone acknowledges two more records that B never sees.
        cluster.stop(b);
        cluster.awaitIsr(topic, 0, 1); // [A]: B is stopped
        produceWithPlainProducer(topic, List.of("ship-4-only-on-A", "ship-5-only-on-A"));

        // stage 2: A, the last in-sync replica, dies. B comes back, alive but out of date.
        // (For a moment two of the three KRaft voters are down; B's return restores the quorum.)
        cluster.kill(a);
        cluster.start(b);
        Awaitility.await("파티션이 리더를 잃기를").atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cluster.leaderOf(topic, 0) == -1);
        Awaitility.await("B(" + b + ")가 살아 있어도 3초 동안 리더가 없는 채로 남기를")
                .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> cluster.leaderOf(topic, 0) == -1);
        int leaderWhileDown = inspector.leaderOf(topic, 0);
        PartitionHealth healthWhileDown = inspector.health(topic, 0);
        String sendWhileDown;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plainProducerConfig(3000))) {
            producer.send(new ProducerRecord<>(topic, "ship-6", "ship-6")).get(30, TimeUnit.SECONDS);
            sendWhileDown = "확인됨 (예상 밖)";
        } catch (java.util.concurrent.ExecutionException e) {
            sendWhileDown = "실패 — " + e.getCause().getClass().getSimpleName();
        }
        Observations.report("ISR 의 유일한 복제본 %d 강제 종료, 뒤처진 %d 는 실행 중 → 리더 %d, 상태: %s, 3초 제한 전송: %s", a, b, leaderWhileDown,
                healthWhileDown.korean(), sendWhileDown);

        assertThat(leaderWhileDown).as("리더가 없는 파티션의 leaderOf 는 -1 (HINTS.ko.md#1, #4)").isEqualTo(-1);
        assertThat(healthWhileDown).as("리더가 없는 파티션의 상태 (HINTS.ko.md#4)").isEqualTo(PartitionHealth.OFFLINE);
        assertThat(sendWhileDown).as("리더가 없는 동안의 전송은 확인될 수 없습니다").startsWith("실패");

        // stage 3: A returns and leads again with everything it acknowledged.
        cluster.start(a);
        cluster.awaitIsrFull(topic, CLUSTER_CHANGE);
        assertThat(inspector.health(topic, 0)).as("A 가 돌아오고 B 가 따라잡은 뒤의 상태 (HINTS.ko.md#4)").isEqualTo(PartitionHealth.HEALTHY);
        assertThat(storedKeys(topic)).as("확인받은 다섯 건이 모두 있어야 합니다: B 를 리더로 뽑았다면 4, 5 가 사라졌을 것")
                .containsExactly("ship-1", "ship-2", "ship-3", "ship-4-only-on-A", "ship-5-only-on-A");
    }

    // ------------------------------------------------------------------------------------------------ task 5

    @Test
    @RequiresBrokerControl
    @Tag("task:5")
    @Points(2)
    @DisplayName("활성 컨트롤러를 죽이면 남은 두 노드의 쿼럼이 새 컨트롤러를 뽑는다")
    @Hint("HINTS.ko.md#5 — describeMetadataQuorum().quorumInfo().leaderId(). describeCluster().controller() 가 아닙니다. — 노트북 04-2 §9 'Zookeeper vs KRaft'")
    void quorumElectsANewControllerWhenTheActiveOneDies() {
        int controller = cluster.activeController();
        for (int i = 0; i < 10; i++) {
            assertThat(inspector.activeController()).as("activeController(): 쿼럼 리더 %d 이어야 합니다 (%d번째 조회; HINTS.ko.md#5)", controller, i + 1)
                    .isEqualTo(controller);
        }

        long killedAt = System.nanoTime();
        cluster.kill(controller);
        Awaitility.await("노드 " + controller + " 대신 새 활성 컨트롤러가 뽑히기를")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    int now = inspector.activeController();
                    return now != controller && now >= 0 && cluster.runningNodes().contains(now);
                });
        long elected = System.nanoTime();
        int newController = inspector.activeController();
        Measurements.report("컨트롤러 장애 조치: %.1f초 (노드 %d 강제 종료 → 노드 %d 가 새 활성 컨트롤러)",
                seconds(elected - killedAt), controller, newController);

        assertThat(newController).as("새 활성 컨트롤러: 클러스터가 아는 쿼럼 리더와 같아야 합니다 (HINTS.ko.md#5)")
                .isEqualTo(cluster.activeController()).isNotEqualTo(controller);
        // The new controller still counts the killed node as a live broker until its session times out; only then does
        // it stop placing replicas there. Wait for that before asking it to create a topic.
        Awaitility.await("새 컨트롤러가 죽은 노드 " + controller + " 를 브로커 목록에서 빼기를 (펜싱)")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cluster.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().noneMatch(n -> n.id() == controller));
        String topic = topics.create("after-controller-failover", 1, 2, Map.of());
        assertThat(inspector.leaderOf(topic, 0)).as("새 컨트롤러가 만든 토픽에도 리더가 있어야 합니다").isIn(cluster.runningNodes());
    }
}
