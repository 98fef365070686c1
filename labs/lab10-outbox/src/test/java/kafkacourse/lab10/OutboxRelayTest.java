package kafkacourse.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 10 — 2. 중계기")
class OutboxRelayTest {

    private static final Duration BAD_INPUT_LIMIT = Duration.ofSeconds(60);

    private final KafkaCluster cluster;
    private final LabTopics topics;

    OutboxRelayTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("중계기는 outbox 행을 만든 순서대로, 키 = 주문 ID 로 보내고 '보냄'으로 표시한다: 주문마다 한 파티션에 생성 → 결제 → 배송 순서")
    @Hint("HINTS.ko.md#2 — ORDER BY seq 로 읽고, key = row.aggregateId() 로 보내세요. outbox 의 기본 키는 UUID 라 ORDER BY 가 없으면 순서가 무작위입니다. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void publishesEveryRowInOrderKeyedByOrder() {
        Scenario world = Scenario.create(cluster, topics);
        List<OutboxRow> rows = outboxStoredOutOfOrder(world, 6);
        world.drainRelay(CrashPoint.NONE);

        Scenario.Verdict verdict = world.verdict(false);
        Observations.reportAs("중계기, 장애 없음", "%s%s", verdict.line(), verdict.details());
        assertThat(verdict.outOfOrder()).as("주문마다 이벤트가 한 파티션에, 생성 → 결제 → 배송 순서로 있어야 합니다 (키 = 주문 ID, ORDER BY seq)").isEmpty();
        assertThat(verdict.ordersWithoutEvent()).as("토픽에 이벤트가 없는 주문").isEmpty();
        assertThat(verdict.eventsWithoutOrder()).as("DB 에 없는 주문의 이벤트").isEmpty();
        assertThat(verdict.unsent()).as("'보냄' 표시(sent_at)가 없는 outbox 행").isZero();
        assertThat(world.records()).as("장애가 없으면 행마다 레코드가 정확히 하나: 값은 outbox 의 payload 그대로")
                .extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboxRow::payload).toList());
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("중계기의 프로듀서는 멱등(acks=all)이고, Kafka 가 응답하지 않으면 몇 초 안에 실패한다")
    @Hint("HINTS.ko.md#2 — enable.idempotence=true, acks=all, max.block.ms·delivery.timeout.ms 를 짧게. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void relayProducerIsIdempotentAndFailsFast() {
        Properties p = OutboxConfig.relayProducer(cluster.clientProperties());
        assertThat(p.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).as("enable.idempotence: 재시도가 중복·순서 뒤바뀜을 만들지 않도록 \"true\"").isEqualTo("true");
        assertThat(p.getProperty(ProducerConfig.ACKS_CONFIG)).as("acks: '보냄' 표시는 모든 ISR 에 기록된 뒤에만 → \"all\" (또는 \"-1\")").isIn("all", "-1");
        assertThat(p.getProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG)).as("max.block.ms: Kafka 가 없을 때 send 가 기본 60초 동안 멈추지 않도록 10000 이하")
                .isNotNull().satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1_000L, 10_000L));
        assertThat(p.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).as("delivery.timeout.ms: 기본 2분 대신 30000 이하")
                .isNotNull().satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1_000L, 30_000L));
        assertThat(p.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).as("cluster 의 설정(bootstrap.servers)을 복사해야 합니다")
                .isEqualTo(cluster.clientProperties().getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("Kafka 가 응답하지 않으면 중계기는 60초 안에 실패를 알리고 행을 '보냄'으로 표시하지 않는다; Kafka 가 돌아오면 빠짐없이 보낸다")
    @Hint("HINTS.ko.md#2 — send 가 돌려준 Future 의 get(...) 으로 ack 를 기다리세요. 기다리지 않고(fire-and-forget) 표시하면, 또는 flush() 만 하고 표시하면 실패한 전송도 '보냄'이 됩니다. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void unreachableKafkaLeavesRowsUnsent() {
        Scenario world = Scenario.create(cluster, topics);
        world.runCommands(List.of(new Scenario.Command("place", "order-1")), CrashPoint.NONE);
        Properties nowhere = cluster.clientProperties();
        nowhere.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort()); // nobody listens there

        long start = System.nanoTime();
        Throwable failure = assertTimeoutPreemptively(BAD_INPUT_LIMIT, () -> {
            try (OutboxRelay relay = new OutboxRelay(world.ordersDb.connect("중계기"), nowhere, world.topic)) {
                relay.publishOnce();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, "Kafka 가 응답하지 않을 때 publishOnce 가 60초 안에 끝나지 않았습니다: max.block.ms·delivery.timeout.ms 와 get(ACK_TIMEOUT) 을 확인하세요");
        Measurements.report("Kafka 가 응답하지 않을 때 중계기가 실패를 알리기까지: %.1f초", (System.nanoTime() - start) / 1e9);
        Observations.reportAs("Kafka 없음", "중계기가 알린 것: %s", failure == null ? "(아무 예외 없이 끝남)" : failure.getMessage());
        assertThat(failure).as("Kafka 가 ack 를 주지 않았으니 publishOnce 는 실패(PublishFailure)를 던져야 합니다").isNotNull();
        assertThat(world.unsentRows()).as("ack 없이 '보냄'으로 표시된 행이 있으면 그 이벤트는 영영 보내지지 않습니다: 안 보낸 행 1개가 그대로 있어야 합니다")
                .isEqualTo(1);

        world.drainRelay(CrashPoint.NONE);
        assertThat(world.verdict(false).ordersWithoutEvent()).as("Kafka 가 돌아온 뒤 다시 돌린 중계기: 이벤트 없는 주문").isEmpty();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("DB 가 잠겨 있으면 중계기는 60초 안에 한국어로 알리고(StorageFailure), 잠금이 풀리면 빠짐없이 보낸다")
    @Hint("HINTS.ko.md#2 — StorageFailure 를 잡아서 삼키지 마세요. 표시하지 못한 행은 다음 실행에서 다시 보내고, 받는 쪽이 중복을 거릅니다. — 노트북 05 '연습 문제 → 실습 lab10-outbox'")
    void lockedDatabaseIsReportedAndNothingIsLost() throws Exception {
        Scenario world = Scenario.create(cluster, topics);
        world.runCommands(Scenario.commands(2), CrashPoint.NONE);
        int rows = world.outbox().size();

        Throwable failure;
        long start;
        // Another transaction (an admin's open SQL console, a second relay) holds every outbox row.
        try (DbSession holder = world.ordersDb.connect("관리 도구")) {
            java.util.concurrent.CompletableFuture<Void> locked = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
            Thread thread = new Thread(() -> holder.run(tx -> {
                tx.query("SELECT event_id FROM outbox FOR UPDATE", r -> r.getObject(1, UUID.class));
                locked.complete(null);
                release.join();
            }), "lock-holder");
            thread.start();
            locked.get(10, java.util.concurrent.TimeUnit.SECONDS);
            start = System.nanoTime();
            try {
                failure = assertTimeoutPreemptively(BAD_INPUT_LIMIT, () -> {
                    try (OutboxRelay relay = new OutboxRelay(world.ordersDb.connect("중계기"), cluster.clientProperties(), world.topic)) {
                        relay.publishOnce();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }, "DB 가 잠겨 있을 때 publishOnce 가 60초 안에 끝나지 않았습니다");
            } finally {
                release.complete(null);
                thread.join(10_000);
            }
        }
        Measurements.report("DB 잠금에 막힌 중계기가 알리기까지: %.1f초 (잠금 대기 한도 %d ms)", (System.nanoTime() - start) / 1e9, Database.LOCK_TIMEOUT_MS);
        Observations.reportAs("DB 잠김", "중계기가 알린 것: %s", failure == null ? "(아무 예외 없이 끝남)" : failure.getMessage());
        assertThat(failure).as("DB 가 잠겨 있을 때 publishOnce 가 던진 것: StorageFailure(한국어 설명)를 삼키지 말고 그대로 던지세요")
                .isInstanceOf(StorageFailure.class);
        assertThat(((StorageFailure) failure).locked()).as("잠금 때문에 실패한 것이어야 합니다").isTrue();
        assertThat(failure.getMessage()).as("메시지는 한국어로 무슨 일인지 말합니다").contains("DB 잠김");
        assertThat(world.unsentRows()).as("'보냄' 표시를 못 했으니 행 %d개는 아직 안 보낸 것으로 남아 있어야 합니다", rows).isEqualTo(rows);

        world.drainRelay(CrashPoint.NONE);
        world.drainConsumer(CrashPoint.NONE);
        Scenario.Verdict verdict = world.verdict(true);
        Observations.reportAs("DB 잠김 뒤 다시 실행", "%s%s", verdict.line(), verdict.details());
        assertThat(verdict.consistent()).as("잠금이 풀린 뒤: 빠진 것도, 두 번 적용된 것도 없어야 합니다: " + verdict.line() + verdict.details()).isTrue();
    }

    /**
     * Orders 1..n (shipped) and their 3n outbox rows, written straight to the DB: {@code seq} says the creation order,
     * but the rows are inserted in a shuffled order, so the table's storage order differs from it — as in PostgreSQL after
     * updates and vacuum, or when transactions commit in another order than they took their sequence numbers. A SQL
     * database promises no row order without ORDER BY.
     */
    private static List<OutboxRow> outboxStoredOutOfOrder(Scenario world, int orders) {
        List<OutboxRow> rows = new java.util.ArrayList<>();
        long seq = 1_000;
        for (Scenario.Command c : Scenario.commands(orders)) {
            OrderEvent e = switch (c.kind()) {
                case "place" -> OrderEvent.created(c.orderId(), Scenario.amountOf(c.orderId()));
                case "pay" -> OrderEvent.paid(c.orderId());
                default -> OrderEvent.shipped(c.orderId());
            };
            rows.add(new OutboxRow(seq++, e.eventId(), e.orderId(), e.type(), e.toJson()));
        }
        List<OutboxRow> shuffled = new java.util.ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(10));
        try (DbSession s = world.ordersDb.connect("준비")) {
            s.run(tx -> {
                for (int i = 1; i <= orders; i++) {
                    tx.update("INSERT INTO orders(order_id, amount, status) VALUES (?, ?, 'SHIPPED')", "order-" + i, Scenario.amountOf("order-" + i));
                }
                for (OutboxRow r : shuffled) {
                    tx.update("INSERT INTO outbox(seq, event_id, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, ?)",
                            r.seq(), r.eventId(), r.aggregateId(), r.eventType(), r.payload());
                }
            });
        }
        return rows;
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
