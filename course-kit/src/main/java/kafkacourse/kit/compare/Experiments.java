package kafkacourse.kit.compare;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import kafkacourse.kit.Clients;
import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.display.HtmlTable;
import kafkacourse.kit.display.Notebook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The chapter 3 experiments of notebook 03, each live on the real servers: a system that is not here gives a row
 * "건너뜀" with the reason (and the install command), never a made-up value.
 */
public final class Experiments {

    private final KafkaCluster cluster;
    private final CompareServers servers;

    public Experiments(KafkaCluster cluster, CompareServers servers) {
        this.cluster = cluster;
        this.servers = servers;
    }

    // ------------------------------------------------------------------------------------------------ 1. retention

    /** 10 messages sent, consumed and acknowledged: how many does each system still hold? */
    public HtmlTable retention(int count) {
        HtmlTable t = HtmlTable.of("시스템", "보냄", "소비자가 받음", "받고 확인한 뒤 남은 메시지", "어떻게 셌나");
        String topic = Clients.newTopic(cluster, "retention", 1, 3);
        sendKafka(topic, count);
        int got = Clients.consume(cluster, topic, Notebook.unique("worker"), count).size();
        t.row("Kafka", count, got, TopicReader.readAll(cluster, topic).size(), "토픽을 처음부터 다시 읽은 건수 (커밋 후에도 그대로)");
        row(t, ServerKind.RABBITMQ, () -> {
            try (Connection c = RabbitClients.connect(servers); Channel ch = c.createChannel()) {
                String q = Notebook.unique("retention");
                ch.queueDeclare(q, true, false, false, null);
                ch.confirmSelect();
                for (int i = 1; i <= count; i++) {
                    ch.basicPublish("", q, null, ("이벤트 " + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                int n = 0;
                for (GetResponse r; (r = ch.basicGet(q, false)) != null; n++) {
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                }
                long left = ch.messageCount(q);
                ch.queueDelete(q);
                return new Object[] {"RabbitMQ", count, n, left, "ack 한 뒤 큐의 메시지 수 (queue.declare-ok)"};
            }
        });
        row(t, ServerKind.SQS, () -> {
            try (SqsClient sqs = SqsClients.client(servers)) {
                String url = sqs.createQueue(b -> b.queueName(Notebook.unique("retention"))).queueUrl();
                for (int i = 1; i <= count; i++) {
                    String body = "이벤트 " + i;
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                }
                int n = 0;
                while (n < count) {
                    List<Message> got2 = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                    if (got2.isEmpty()) {
                        break;
                    }
                    for (Message m : got2) {
                        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                        n++;
                    }
                }
                String left = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                        .attributesAsStrings().get("ApproximateNumberOfMessages");
                sqs.deleteQueue(b -> b.queueUrl(url));
                return new Object[] {"SQS(ElasticMQ)", count, n, left, "DeleteMessage 뒤 ApproximateNumberOfMessages"};
            }
        });
        row(t, ServerKind.REDIS, () -> {
            String channel = Notebook.unique("retention");
            List<String> received = redisSubscribeDuring(channel, count);
            try (Jedis j = jedis()) {
                return new Object[] {"Redis Pub/Sub", count, received.size(), "저장 안 함 (키 " + j.exists(channel) + "개)",
                        "Pub/Sub 은 보관 장소가 없습니다: 그 순간 구독자에게만 전달"};
            }
        });
        return t.caption("보존: 소비하고 확인한 뒤 무엇이 남나");
    }

    // ------------------------------------------------------------------------------------------------ 2. late subscriber

    /** Messages are sent first; a new service/subscriber joins afterwards. */
    public HtmlTable lateSubscriber(int count) {
        HtmlTable t = HtmlTable.of("시스템", "보낸 뒤에 생긴 구독자가 받은 지난 메시지", "이유");
        String topic = Clients.newTopic(cluster, "late", 1, 3);
        sendKafka(topic, count);
        t.row("Kafka", Clients.consume(cluster, topic, Notebook.unique("newcomer"), count).size() + "/" + count,
                "새 컨슈머 그룹은 auto.offset.reset=earliest 로 로그의 처음부터 읽습니다");
        row(t, ServerKind.RABBITMQ, () -> {
            try (Connection c = RabbitClients.connect(servers); Channel ch = c.createChannel()) {
                String ex = Notebook.unique("late");
                ch.exchangeDeclare(ex, BuiltinExchangeType.FANOUT, false, true, null);
                ch.confirmSelect();
                for (int i = 1; i <= count; i++) {
                    ch.basicPublish(ex, "", null, ("이벤트 " + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                String q = ch.queueDeclare().getQueue();
                ch.queueBind(q, ex, "");
                long n = ch.messageCount(q);
                ch.queueDelete(q);
                ch.exchangeDelete(ex);
                return new Object[] {"RabbitMQ", n + "/" + count, "익스체인지는 저장하지 않습니다: 보낼 때 묶여 있던 큐에만 들어갑니다"};
            }
        });
        row(t, ServerKind.REDIS, () -> {
            String channel = Notebook.unique("late");
            try (Jedis j = jedis()) {
                for (int i = 1; i <= count; i++) {
                    j.publish(channel, "이벤트 " + i);
                }
            }
            List<String> got = redisSubscribeDuring(channel, 0);
            return new Object[] {"Redis Pub/Sub", got.size() + "/" + count, "PUBLISH 순간의 구독자에게만 전달, 늦은 구독자는 받을 것이 없습니다"};
        });
        return t.caption("늦게 온 구독자(새 서비스)");
    }

    // ------------------------------------------------------------------------------------------------ 3. replay

    /** Read again what was already consumed. */
    public HtmlTable replay(int count) {
        HtmlTable t = HtmlTable.of("시스템", "다 소비한 뒤 다시 읽은 건수", "방법");
        String topic = Clients.newTopic(cluster, "replay", 1, 3);
        sendKafka(topic, count);
        String group = Notebook.unique("worker");
        Clients.consume(cluster, topic, group, count);
        try {
            cluster.admin().alterConsumerGroupOffsets(group, Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(0))).all().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        t.row("Kafka", Clients.consume(cluster, topic, group, count).size() + "/" + count, "같은 그룹의 오프셋을 0 으로 되돌림 (alterConsumerGroupOffsets)");
        row(t, ServerKind.RABBITMQ, () -> {
            try (Connection c = RabbitClients.connect(servers); Channel ch = c.createChannel()) {
                String q = Notebook.unique("replay");
                ch.queueDeclare(q, true, false, false, null);
                ch.confirmSelect();
                for (int i = 1; i <= count; i++) {
                    ch.basicPublish("", q, null, ("이벤트 " + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                for (GetResponse r; (r = ch.basicGet(q, false)) != null; ) {
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                }
                int again = 0;
                for (GetResponse r; (r = ch.basicGet(q, true)) != null; ) {
                    again++;
                }
                ch.queueDelete(q);
                return new Object[] {"RabbitMQ (클래식 큐)", again + "/" + count, "되돌릴 위치가 없습니다: ack 한 메시지는 지워졌습니다 (스트림 큐는 오프셋이 있음)"};
            }
        });
        row(t, ServerKind.SQS, () -> {
            try (SqsClient sqs = SqsClients.client(servers)) {
                String dlq = sqs.createQueue(b -> b.queueName(Notebook.unique("replay-dlq"))).queueUrl();
                String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
                String url = sqs.createQueue(b -> b.queueName(Notebook.unique("replay")).attributesWithStrings(Map.of(
                        "RedrivePolicy", "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}",
                        "VisibilityTimeout", "1"))).queueUrl();
                for (int i = 1; i <= count; i++) {
                    String body = "이벤트 " + i;
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                }
                // receive without deleting (= processing failed): after maxReceiveCount the messages move to the DLQ
                int moved = 0;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (moved < count && System.nanoTime() < until) {
                    sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1));
                    moved = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                            .attributesAsStrings().get("ApproximateNumberOfMessages"));
                }
                sqs.deleteQueue(b -> b.queueUrl(url));
                sqs.deleteQueue(b -> b.queueUrl(dlq));
                return new Object[] {"SQS(ElasticMQ)", "삭제한 메시지: 0/" + count + ", 실패해 DLQ 로 간 메시지: " + moved + "/" + count,
                        "지운(처리한) 메시지는 다시 못 읽습니다. 실패한 메시지만 DLQ 에 모였다가 redrive 로 원래 큐로 돌아갑니다"};
            }
        });
        row(t, ServerKind.REDIS, () -> new Object[] {"Redis Pub/Sub", "0/" + count, "저장하지 않으니 다시 읽을 것이 없습니다 (Redis Streams 는 ID 로 다시 읽기 가능)"});
        return t.caption("재처리(replay)");
    }

    // ------------------------------------------------------------------------------------------------ 4. ordering

    /** One producer, two competing consumers, one failed message requeued: in which order is the work done? */
    public HtmlTable ordering(int count) {
        HtmlTable t = HtmlTable.of("시스템", "처리된 순서 (앞부분)", "순서가 지켜졌나", "설명");
        String topic = Clients.newTopic(cluster, "ordering", 1, 3);
        sendKafka(topic, count);
        List<String> kafkaOrder = Clients.consume(cluster, topic, Notebook.unique("worker"), count).stream().map(ConsumerRecord::value).toList();
        t.row("Kafka (파티션 1, 그룹 1)", head(kafkaOrder), inOrder(kafkaOrder, count) ? "예" : "아니오",
                "한 파티션은 그룹의 한 컨슈머만 읽습니다: 파티션 안의 순서 그대로");
        row(t, ServerKind.RABBITMQ, () -> {
            try (Connection c = RabbitClients.connect(servers)) {
                Channel pub = c.createChannel();
                String q = Notebook.unique("ordering");
                pub.queueDeclare(q, true, false, false, null);
                pub.confirmSelect();
                for (int i = 1; i <= count; i++) {
                    pub.basicPublish("", q, null, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                }
                pub.waitForConfirmsOrDie(10_000);
                List<String> done = new CopyOnWriteArrayList<>();
                CountDownLatch all = new CountDownLatch(count);
                java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
                List<Channel> workers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    Channel ch = c.createChannel();
                    ch.basicQos(1);
                    workers.add(ch);
                    ch.basicConsume(q, false, (tag, d) -> {
                        String body = new String(d.getBody(), StandardCharsets.UTF_8);
                        if (body.equals("2") && failedOnce.add(body)) {
                            ch.basicNack(d.getEnvelope().getDeliveryTag(), false, true); // the failed one goes back
                            return;
                        }
                        done.add(body);
                        ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
                        all.countDown();
                    }, tag -> { });
                }
                all.await(15, TimeUnit.SECONDS);
                for (Channel ch : workers) {
                    ch.close();
                }
                pub.queueDelete(q);
                return new Object[] {"RabbitMQ (큐 1, 작업자 2, 2번 한 번 nack+requeue)", head(done), inOrder(done, count) ? "예" : "아니오",
                        "작업자 둘이 동시에 처리하고, 되돌아온 2번은 뒤에 처리됩니다: 큐 안의 순서 ≠ 처리 순서"};
            }
        });
        row(t, ServerKind.SQS, () -> {
            try (SqsClient sqs = SqsClients.client(servers)) {
                String fifo = sqs.createQueue(b -> b.queueName(Notebook.unique("ordering") + ".fifo")
                        .attributesWithStrings(Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"))).queueUrl();
                for (int i = 1; i <= count; i++) {
                    String body = Integer.toString(i);
                    sqs.sendMessage(b -> b.queueUrl(fifo).messageBody(body).messageGroupId("order-1"));
                }
                List<String> got = new ArrayList<>();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (got.size() < count && System.nanoTime() < until) {
                    for (Message m : sqs.receiveMessage(b -> b.queueUrl(fifo).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                        got.add(m.body());
                        sqs.deleteMessage(b -> b.queueUrl(fifo).receiptHandle(m.receiptHandle()));
                    }
                }
                sqs.deleteQueue(b -> b.queueUrl(fifo));
                return new Object[] {"SQS FIFO (메시지 그룹 1개)", head(got), inOrder(got, count) ? "예" : "아니오",
                        "FIFO 큐는 메시지 그룹 안에서 순서를 지킵니다. 표준 큐는 '최선을 다한' 순서뿐 (ElasticMQ 는 대개 순서대로 주지만 SQS 는 약속하지 않음)"};
            }
        });
        return t.caption("순서: 경쟁하는 컨슈머와 재배달");
    }

    // ------------------------------------------------------------------------------------------------ 5. routing

    /** Route "order.kr.paid" style keys: a topic exchange binding vs Kafka topics + filtering in the consumer. */
    public HtmlTable routing() {
        List<String> keys = List.of("order.kr.created", "order.kr.paid", "order.us.paid", "refund.kr.done", "order.jp.created");
        HtmlTable t = HtmlTable.of("시스템", "한국 결제 서비스가 받은 것", "누가 거르나");
        String topic = Clients.newTopic(cluster, "routing", 1, 3);
        try (KafkaProducer<String, String> p = Clients.producer(cluster)) {
            keys.forEach(k -> p.send(new ProducerRecord<>(topic, k, k)));
        }
        List<String> filtered = Clients.consume(cluster, topic, Notebook.unique("kr-payments"), keys.size()).stream()
                .map(ConsumerRecord::key).filter(k -> k.matches("order\\.kr\\..*")).toList();
        t.row("Kafka (토픽 1개 + 컨슈머 안에서 filter)", filtered,
                "컨슈머가 5건을 모두 받아 코드에서 거릅니다 (브로커는 키를 보지 않음). 보통은 토픽을 나눕니다");
        row(t, ServerKind.RABBITMQ, () -> {
            try (Connection c = RabbitClients.connect(servers); Channel ch = c.createChannel()) {
                String ex = Notebook.unique("routing");
                ch.exchangeDeclare(ex, BuiltinExchangeType.TOPIC, false, true, null);
                String q = ch.queueDeclare().getQueue();
                ch.queueBind(q, ex, "order.kr.*");
                ch.confirmSelect();
                for (String k : keys) {
                    ch.basicPublish(ex, k, null, k.getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                List<String> got = new ArrayList<>();
                for (GetResponse r; (r = ch.basicGet(q, true)) != null; ) {
                    got.add(new String(r.getBody(), StandardCharsets.UTF_8));
                }
                ch.queueDelete(q);
                ch.exchangeDelete(ex);
                return new Object[] {"RabbitMQ (topic 익스체인지, 바인딩 order.kr.*)", got, "브로커가 라우팅 키로 골라 큐에 넣습니다: 큐에는 2건만"};
            }
        });
        return t.caption("라우팅");
    }

    // ------------------------------------------------------------------------------------------------ internals

    private interface Cells {
        Object[] get() throws Exception;
    }

    private void row(HtmlTable t, ServerKind kind, Cells cells) {
        if (!servers.available(kind)) {
            t.row(kind.displayName(), "건너뜀", servers.unavailableReason(kind).orElse(""));
            return;
        }
        try {
            t.row(cells.get());
        } catch (Exception e) {
            t.row(kind.displayName(), "오류", servers.failure(kind, e).getMessage());
        }
    }

    private void sendKafka(String topic, int count) {
        try (KafkaProducer<String, String> p = Clients.producer(cluster)) {
            for (int i = 1; i <= count; i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, Integer.toString(i)));
            }
        }
    }

    private Jedis jedis() {
        return new Jedis("127.0.0.1", servers.port(ServerKind.REDIS), 5_000);
    }

    /**
     * Subscribe to {@code channel}, publish {@code count} messages while subscribed, return what the subscriber got
     * (count 0: only subscribe, and see what arrives from the past: nothing, by design). Bounded by 10 s.
     */
    private List<String> redisSubscribeDuring(String channel, int count) throws InterruptedException {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(count);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String ch, int n) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String ch, String message) {
                got.add(message);
                received.countDown();
            }
        };
        java.util.concurrent.atomic.AtomicReference<RuntimeException> lost = new java.util.concurrent.atomic.AtomicReference<>();
        Thread sub = new Thread(() -> {
            try (Jedis j = jedis()) {
                j.subscribe(listener, channel);
            } catch (RuntimeException e) {
                lost.set(e); // e.g. the server was stopped: reported below, not as a stack trace on this thread
                subscribed.countDown();
            }
        }, "redis-subscriber");
        sub.start();
        try {
            if (!subscribed.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Redis 구독이 10초 안에 시작되지 않았습니다");
            }
            if (lost.get() != null) {
                throw lost.get();
            }
            try (Jedis j = jedis()) {
                for (int i = 1; i <= count; i++) {
                    j.publish(channel, "이벤트 " + i);
                }
                // PING through the same server after the publishes: anything published to us has been delivered by now
                j.ping();
            }
            received.await(5, TimeUnit.SECONDS);
        } finally {
            // The subscriber ends only when unsubscribed; if its connection is already gone there is nothing to end.
            if (sub.isAlive() && lost.get() == null) {
                try {
                    listener.unsubscribe();
                } catch (RuntimeException gone) {
                    // the server went away meanwhile: the subscriber thread ends by itself
                }
            }
            sub.join(5_000);
        }
        if (lost.get() != null) {
            throw lost.get();
        }
        return got;
    }

    private static String head(List<String> values) {
        return String.join(" ", values.subList(0, Math.min(8, values.size()))) + (values.size() > 8 ? " …" : "");
    }

    private static boolean inOrder(List<String> values, int count) {
        if (values.size() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!values.get(i).equals(Integer.toString(i + 1))) {
                return false;
            }
        }
        return true;
    }

    static Duration limit() {
        return Duration.ofSeconds(15);
    }
}
