package kafkacourse.lab08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import kafkacourse.kit.compare.CompareServers;
import kafkacourse.kit.compare.RabbitClients;
import kafkacourse.kit.compare.ServerKind;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.CompareServersRequired;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.names.UniqueNames;
import kafkacourse.kit.lab.LearnerSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KafkaLab
@DisplayName("실습 08 — 주문 알림: RabbitMQ (fanout 익스체인지, 경쟁하는 컨슈머)")
class RabbitQueuesTest {

    private CompareServers servers;
    private Connection connection;
    private Channel channel;
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        servers = CompareServersRequired.require(ServerKind.RABBITMQ);
        connection = RabbitClients.connect(servers);
        channel = connection.createChannel();
        channel.confirmSelect(); // the test's own publishes are confirmed before it reads
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (connection == null) {
            return;
        }
        try (Channel admin = connection.createChannel()) {
            for (String q : queues) {
                admin.queueDelete(q);
            }
            for (String e : exchanges) {
                admin.exchangeDelete(e);
            }
        }
        connection.close(5_000);
    }

    private List<String> drain(String queue) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (GetResponse r; (r = channel.basicGet(queue, false)) != null; ) {
            bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            channel.basicAck(r.getEnvelope().getDeliveryTag(), false);
        }
        return bodies;
    }

    private static List<String> bodies(List<OrderEvent> events) {
        return events.stream().map(OrderEvent::body).toList();
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("팬아웃: 메일·포인트 큐가 알림 15건을 보낸 순서대로 한 부씩 받고, 확인(ack)하며 다 읽으면 큐에 0건이 남는다")
    @Hint("HINTS.ko.md#1 — fanout 익스체인지 + 서비스마다 큐 하나 + queueBind. 큐가 하나뿐이면 두 서비스가 나눠 갖습니다. — 노트북 03 §2 '늦게 온 구독자 (새 서비스)'")
    void eachServiceQueueGetsACopyAndIsEmptyAfterConsumption() throws Exception {
        String exchange = UniqueNames.of("order-events");
        List<String> services = List.of("mail", "point");
        exchanges.add(exchange);
        services.forEach(s -> queues.add(RabbitFanout.queueOf(exchange, s)));
        RabbitFanout.declare(channel, exchange, services);
        List<OrderEvent> events = Orders.interleaved(5);
        for (OrderEvent e : events) {
            RabbitFanout.publish(channel, exchange, e);
        }
        channel.waitForConfirmsOrDie(10_000);

        List<String> mail = drain(RabbitFanout.queueOf(exchange, "mail"));
        List<String> point = drain(RabbitFanout.queueOf(exchange, "point"));
        long mailLeft = channel.messageCount(RabbitFanout.queueOf(exchange, "mail"));
        long pointLeft = channel.messageCount(RabbitFanout.queueOf(exchange, "point"));
        Observations.reportAs("나란히 보기", "메일 큐 %d건, 포인트 큐 %d건 받음; 다 읽은 뒤 남은 메시지: %d건, %d건", mail.size(), point.size(), mailLeft, pointLeft);
        assertThat(mail).as("메일 큐가 받은 알림 (보낸 순서대로 15건)").containsExactlyElementsOf(bodies(events));
        assertThat(point).as("포인트 큐가 받은 알림 (보낸 순서대로 15건)").containsExactlyElementsOf(bodies(events));
        assertThat(mailLeft + pointLeft).as("확인(ack)하며 다 읽은 뒤 두 큐에 남은 메시지: RabbitMQ 는 확인된 메시지를 지웁니다").isZero();
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("늦게 생긴 서비스: 알림을 보낸 뒤에 묶은 큐는 지난 알림을 하나도 받지 못한다 (Kafka 의 새 그룹과 반대)")
    @Hint("HINTS.ko.md#1 — 익스체인지는 메시지를 저장하지 않습니다. 보내는 순간 묶여 있던 큐에만 한 부씩 들어갑니다. — 노트북 03 §2 '늦게 온 구독자 (새 서비스)'")
    void aQueueBoundLaterGetsNothingFromThePast() throws Exception {
        String exchange = UniqueNames.of("order-events");
        exchanges.add(exchange);
        queues.add(RabbitFanout.queueOf(exchange, "mail"));
        queues.add(RabbitFanout.queueOf(exchange, "coupon"));
        RabbitFanout.declare(channel, exchange, List.of("mail"));
        for (OrderEvent e : Orders.interleaved(5)) {
            RabbitFanout.publish(channel, exchange, e);
        }
        channel.waitForConfirmsOrDie(10_000);
        RabbitFanout.declare(channel, exchange, List.of("coupon")); // a new service, after the fact

        long mail = channel.messageCount(RabbitFanout.queueOf(exchange, "mail"));
        long coupon = channel.messageCount(RabbitFanout.queueOf(exchange, "coupon"));
        Observations.reportAs("나란히 보기", "먼저 묶인 메일 큐 %d건, 나중에 묶인 쿠폰 큐 %d건", mail, coupon);
        assertThat(mail).as("알림을 보낼 때 묶여 있던 메일 큐의 메시지 수").isEqualTo(15);
        assertThat(coupon).as("알림을 다 보낸 뒤 묶인 쿠폰 큐의 메시지 수: 0 (지난 알림은 다시 받을 수 없습니다)").isZero();
    }

    // ------------------------------------------------------------------------------------------------ tasks 2-3

    private String workQueue(int jobs) throws Exception {
        String queue = UniqueNames.of("mail-jobs");
        queues.add(queue);
        RabbitWorker.declareQueue(channel, queue);
        for (OrderEvent e : Orders.jobs(jobs)) {
            channel.basicPublish("", queue, null, e.body().getBytes(StandardCharsets.UTF_8));
        }
        channel.waitForConfirmsOrDie(10_000);
        return queue;
    }

    private static void awaitDone(Orders.Recorder recorder, int jobs, String what) {
        LearnerSteps.waitFor(what, Duration.ofSeconds(20), () -> recorder.doneCount() >= jobs);
    }

    /** A handler that takes a moment per job, like real work (sending a mail), so that a second worker can join in. */
    private static OrderHandler working(OrderHandler inner) {
        return delivery -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(25);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return inner.handle(delivery);
        };
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("작업 큐: 주문 20건이 쌓인 큐를 작업자 두 명이 나눠 처리하고(prefetch 1), 끝나면 대기·미확인 메시지가 0건이다")
    @Hint("HINTS.ko.md#2 — basicQos(prefetch) 가 없으면 먼저 붙은 작업자가 쌓인 메시지를 모두 받아 갑니다. autoAck=false. — 노트북 03 §7 'Kafka 의 큐: 공유 그룹(share group)'")
    void twoCompetingWorkersShareTheQueue() throws Exception {
        String queue = workQueue(20);
        Orders.Recorder recorder = new Orders.Recorder(Map.of());
        try (RabbitWorker first = new RabbitWorker(connection, queue, 1, working(recorder.worker("작업자-1")));
             RabbitWorker second = new RabbitWorker(connection, queue, 1, working(recorder.worker("작업자-2")))) {
            awaitDone(recorder, 20, "작업자 두 명이 주문 20건을 처리하기");
        }
        var left = channel.queueDeclarePassive(queue);
        Observations.reportAs("나란히 보기", "작업자별로 받은 건수: %s, 남은 메시지 %d건", recorder.perWorker(), left.getMessageCount());
        assertThat(recorder.doneCount()).as("처리된 주문 수").isEqualTo(20);
        assertThat(recorder.perWorker()).as("작업자별로 받은 건수: 두 작업자 모두 일을 받아야 합니다").containsKeys("작업자-1", "작업자-2");
        assertThat(recorder.doneTwice()).as("두 번 처리된 주문").isEmpty();
        assertThat(left.getMessageCount()).as("다 처리한 뒤 큐에 남은 메시지(대기 + 미확인)").isZero();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("멈춘 작업자: prefetch 1 이면 멈춘 작업자는 1건만 쥐고 다른 작업자가 나머지 19건을 처리하며, 멈춘 작업자가 죽으면 그 1건도 다시 배달된다")
    @Hint("HINTS.ko.md#2 — basicQos(prefetch) 는 확인하지 않은 메시지를 작업자당 몇 건까지 받을지 정합니다. autoAck=true 면 prefetch 가 무시되고, 받은 순간 지워진 메시지는 작업자가 죽으면 사라집니다. — 노트북 03 §4 '순서: 경쟁하는 컨슈머와 재배달'")
    void aStuckWorkerHoldsOnlyItsPrefetchAndLosesNothingWhenItDies() throws Exception {
        String queue = workQueue(20);
        Orders.Recorder recorder = new Orders.Recorder(Map.of());
        List<String> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        OrderHandler stuck = delivery -> {
            // a worker that hangs on its first job (a mail server that never answers) until it is killed
            held.add(delivery.order().orderId());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.RETRY;
        };
        // The stuck worker has a connection of its own: killing it (abort) is what a crashed process looks like to the broker.
        Connection stuckConnection = RabbitClients.connect(servers);
        try {
            new RabbitWorker(stuckConnection, queue, 1, stuck); // ends with its connection (abort below), like a crashed process
            await("멈출 작업자가 첫 주문을 받기").atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> !held.isEmpty());
            try (RabbitWorker free = new RabbitWorker(connection, queue, 1, recorder.worker("작업자-2"))) {
                awaitDone(recorder, 19, "멈추지 않은 작업자가 나머지 주문 19건을 처리하기");
                int doneWhileStuck = recorder.doneCount();
                int heldWhileStuck = held.size();
                stuckConnection.abort(2_000); // the stuck worker dies without acknowledging what it holds
                release.countDown();
                awaitDone(recorder, 20, "멈춘 작업자가 쥐고 있던 주문이 다시 배달되어 처리되기");
                Observations.reportAs("나란히 보기", "멈춘 작업자가 쥔 주문 %d건 %s, 그동안 다른 작업자가 처리 %d건; 멈춘 작업자가 죽은 뒤 처리된 주문 %d건",
                        heldWhileStuck, held, doneWhileStuck, recorder.doneCount());
                assertThat(heldWhileStuck).as("멈춘 작업자가 받은(쥐고 있는) 주문 수: prefetch 1 이면 1건").isEqualTo(1);
                assertThat(doneWhileStuck).as("작업자 하나가 멈춘 동안 다른 작업자가 처리한 주문 수: 나머지 19건").isEqualTo(19);
                assertThat(recorder.doneCount()).as("멈춘 작업자가 죽은 뒤 처리된 주문 수: 확인(ack)되지 않은 메시지는 큐로 돌아오니 20건 모두").isEqualTo(20);
                assertThat(recorder.done).as("다시 배달된 주문 %s 도 처리되어야 합니다", held).containsKeys(held.toArray(String[]::new));
            }
        } finally {
            release.countDown();
            if (stuckConnection.isOpen()) {
                stuckConnection.abort(2_000);
            }
        }
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("재배달: 실패(RETRY)한 주문은 nack + requeue 로 배달 횟수 2 이상이 되어 다시 오고, 독 메시지(POISON)는 다시 오지 않는다")
    @Hint("HINTS.ko.md#3 — RETRY → basicNack(tag, false, true), POISON → basicReject(tag, false), DONE → basicAck. autoAck 이면 실패한 메시지를 잃습니다. — 노트북 03 §4 '순서: 경쟁하는 컨슈머와 재배달'")
    void aNackedMessageComesBackAndARejectedOneDoesNot() throws Exception {
        String queue = workQueue(8);
        Orders.Recorder recorder = new Orders.Recorder(Map.of("o-3", Outcome.RETRY, "o-5", Outcome.POISON));
        try (RabbitWorker worker = new RabbitWorker(connection, queue, 1, recorder.worker("작업자-1"))) {
            awaitDone(recorder, 7, "작업자가 주문 7건(독 메시지 o-5 말고 모두)을 처리하기");
            // A requeued message goes back into the queue at once: once a job published now is done, a wrongly
            // requeued o-5 would already have come back.
            channel.basicPublish("", queue, null, new OrderEvent("o-9", "created").body().getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
            awaitDone(recorder, 8, "나중에 넣은 주문 o-9 까지 처리하기");
        }
        long left = channel.messageCount(queue);
        Observations.reportAs("나란히 보기", "o-3 배달 %d번(최대 배달 횟수 %d), o-5(독 메시지) 배달 %d번, 남은 메시지 %d건",
                recorder.deliveriesOf("o-3"), recorder.maxDeliveryCountOf("o-3"), recorder.deliveriesOf("o-5"), left);
        assertThat(recorder.done.keySet()).as("처리된 주문: o-5 를 뺀 8건").containsExactlyInAnyOrder("o-1", "o-2", "o-3", "o-4", "o-6", "o-7", "o-8", "o-9");
        assertThat(recorder.maxDeliveryCountOf("o-3")).as("실패했던 o-3 이 다시 왔을 때의 배달 횟수: 2 이상").isGreaterThanOrEqualTo(2);
        assertThat(recorder.deliveriesOf("o-5")).as("독 메시지 o-5 가 배달된 횟수: 거절(reject)했으니 1번뿐").isEqualTo(1);
        assertThat(left).as("큐에 남은 메시지").isZero();
    }
}
