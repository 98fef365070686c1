package kafkacourse.kit.compare;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import kafkacourse.kit.Clients;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.display.BarChart;
import kafkacourse.kit.display.HtmlTable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The same workload on every system, one after another in one run: {@code count} messages of {@code payloadBytes},
 * sent as fast as the system's own durable path allows while one consumer receives them. Throughput = messages /
 * (last receive − first send); latency = receive time − send time of each message (same JVM clock), so under this
 * full load it includes queueing. Absolute numbers are this machine's; only the ratios travel.
 */
public final class Benchmark {

    /** One system's measurement (or why it was skipped). */
    public record Result(String system, String durability, int sent, int received, double perSecond, double p50Ms,
                         double p99Ms, String skipped) {
        boolean measured() {
            return skipped == null && received > 0;
        }
    }

    private static final Duration LIMIT = Duration.ofSeconds(12);
    /** The message that tells the Redis subscriber to stop when time is up (only its own thread may unsubscribe). */
    private static final String STOP = "stop|";
    private static final String STREAMS_DURABILITY = "메모리의 스트림(XADD, 읽어도 남음) — 이 측정은 디스크 저장 끔";

    private Benchmark() {
    }

    public static List<Result> run(KafkaCluster cluster, CompareServers servers, int count, int payloadBytes) {
        List<Result> results = new ArrayList<>();
        results.add(kafka(cluster, count, payloadBytes));
        results.add(guard(servers, ServerKind.RABBITMQ, "durable 큐 + persistent + publisher confirms(100건마다)", () -> rabbit(servers, count, payloadBytes)));
        results.add(guard(servers, ServerKind.REDIS, "없음 (PUBLISH: 메모리에서 구독자에게 바로, 저장 안 함)", () -> redis(servers, count, payloadBytes)));
        results.add(guard(servers, ServerKind.REDIS, STREAMS_DURABILITY, () -> redisStreams(servers, count, payloadBytes)));
        results.add(guard(servers, ServerKind.SQS, "ElasticMQ 메모리 큐, REST 요청 1번에 10건 (실제 SQS 는 여러 AZ 에 저장)", () -> sqs(servers, count, payloadBytes)));
        return results;
    }

    static Result guard(CompareServers servers, ServerKind kind, String durability, java.util.function.Supplier<Result> run) {
        if (!servers.available(kind)) {
            return new Result(kind.displayName(), durability, 0, 0, 0, 0, 0, servers.unavailableReason(kind).orElse("없음"));
        }
        try {
            return run.get();
        } catch (RuntimeException e) {
            return new Result(kind.displayName(), durability, 0, 0, 0, 0, 0, servers.failure(kind, e).getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ systems

    static Result kafka(KafkaCluster cluster, int count, int payloadBytes) {
        String topic = Clients.newTopic(cluster, "bench", 3, 3);
        Recorder rec = new Recorder(count);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = Clients.consumer(cluster, kafkacourse.kit.display.Notebook.unique("bench"))) {
                c.subscribe(List.of(topic));
                while (!rec.finished()) {
                    c.poll(Duration.ofMillis(100)).forEach(r -> rec.received(sentAt(r.value())));
                }
            }
        }, "bench-kafka-consumer");
        consumer.start();
        try (KafkaProducer<String, String> producer = Clients.producer(cluster, Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
            // wait until the consumer has its partitions (its first poll), so the clock does not include a rebalance
            awaitAssigned(cluster, topic);
            rec.start();
            for (int i = 0; i < count && !rec.timedOut(); i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), payload(payloadBytes)));
            }
            producer.flush();
        }
        rec.await();
        join(consumer);
        return rec.result("Kafka", "acks=all, RF 3, min.insync.replicas 기본(1), 디스크는 OS 가 나중에 flush");
    }

    private static void awaitAssigned(KafkaCluster cluster, String topic) {
        // A consumer group with one member that polls from the earliest offset: records sent before it is assigned are
        // still read (earliest), so this only keeps the rebalance out of the latency numbers.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < until) {
                var groups = cluster.admin().listConsumerGroups().all().get(5, TimeUnit.SECONDS);
                boolean stable = false;
                for (var g : groups) {
                    if (g.groupId().contains("bench") && g.groupState().map(s -> s.toString().equals("Stable")).orElse(false)) {
                        stable = true;
                    }
                }
                if (stable) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (Exception e) {
            // measure anyway: earliest offset makes it correct, only a little slower
        }
    }

    static Result rabbit(CompareServers servers, int count, int payloadBytes) {
        String queue = kafkacourse.kit.display.Notebook.unique("bench");
        Recorder rec = new Recorder(count);
        try (Connection connection = RabbitClients.connect(servers)) {
            Channel pub = connection.createChannel();
            Channel sub = connection.createChannel();
            pub.queueDeclare(queue, true, false, false, null);
            pub.confirmSelect();
            sub.basicQos(100);
            sub.basicConsume(queue, false, (tag, d) -> {
                rec.received(sentAt(new String(d.getBody(), StandardCharsets.UTF_8)));
                sub.basicAck(d.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            rec.start();
            for (int i = 0; i < count && !rec.timedOut(); i++) {
                pub.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, payload(payloadBytes).getBytes(StandardCharsets.UTF_8));
                if (i % 100 == 99) {
                    pub.waitForConfirmsOrDie(10_000);
                }
            }
            pub.waitForConfirmsOrDie(10_000);
            rec.await();
            pub.queueDelete(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return rec.result("RabbitMQ", "durable 큐 + persistent + publisher confirms(100건마다)");
    }

    /**
     * Redis Pub/Sub. The subscriber's connection belongs to its thread alone: only that thread unsubscribes (on the
     * last message, or on the {@link #STOP} message the publisher sends when time is up). Unsubscribing from the
     * publishing thread raced with the subscriber closing its socket ("Socket closed") and lost the whole result.
     */
    static Result redis(CompareServers servers, int count, int payloadBytes) {
        String channel = kafkacourse.kit.display.Notebook.unique("bench");
        Recorder rec = new Recorder(count);
        CountDownLatch subscribed = new CountDownLatch(1);
        AtomicReference<RuntimeException> subscriberError = new AtomicReference<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String ch, int n) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String ch, String message) {
                if (!message.equals(STOP)) {
                    rec.received(sentAt(message));
                }
                if (message.equals(STOP) || rec.received() >= count) {
                    unsubscribe();
                }
            }
        };
        int port = servers.port(ServerKind.REDIS);
        Thread sub = new Thread(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port, 5_000)) {
                jedis.subscribe(listener, channel);
            } catch (RuntimeException e) {
                subscriberError.set(e);
                subscribed.countDown();
            }
        }, "bench-redis-subscriber");
        sub.start();
        try (Jedis pub = new Jedis("127.0.0.1", port, 5_000)) {
            if (!subscribed.await(10, TimeUnit.SECONDS) || subscriberError.get() != null) {
                throw subscriberError.get() != null ? subscriberError.get()
                        : new IllegalStateException("Redis 구독이 10초 안에 시작되지 않았습니다");
            }
            rec.start();
            // pipelined like RabbitMQ's confirms: one round trip per 100 PUBLISH commands
            Pipeline p = pub.pipelined();
            for (int i = 0; i < count && !rec.timedOut(); i++) {
                p.publish(channel, payload(payloadBytes));
                if (i % 100 == 99) {
                    p.sync();
                }
            }
            p.sync();
            rec.await();
            if (sub.isAlive() && rec.received() < count) {
                pub.publish(channel, STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            join(sub);
        }
        if (rec.received() == 0 && subscriberError.get() != null) {
            throw subscriberError.get();
        }
        return rec.result("Redis Pub/Sub", "없음 (PUBLISH: 메모리에서 구독자에게 바로, 저장 안 함)");
    }

    /** Redis Streams, for contrast: XADD keeps every entry in the stream (in memory here), a reader follows with XREAD BLOCK. */
    static Result redisStreams(CompareServers servers, int count, int payloadBytes) {
        String stream = kafkacourse.kit.display.Notebook.unique("bench");
        Recorder rec = new Recorder(count);
        AtomicReference<RuntimeException> readerError = new AtomicReference<>();
        int port = servers.port(ServerKind.REDIS);
        Thread reader = new Thread(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port, 5_000)) {
                StreamEntryID last = new StreamEntryID(0, 0);
                while (!rec.finished()) {
                    var got = jedis.xread(XReadParams.xReadParams().count(500).block(200), Map.of(stream, last));
                    if (got == null) {
                        continue;
                    }
                    for (var entries : got) {
                        for (StreamEntry e : entries.getValue()) {
                            rec.received(sentAt(e.getFields().get("v")));
                            last = e.getID();
                        }
                    }
                }
            } catch (RuntimeException e) {
                readerError.set(e);
            }
        }, "bench-redis-stream-reader");
        try (Jedis pub = new Jedis("127.0.0.1", port, 5_000)) {
            pub.ping();
            reader.start();
            rec.start();
            Pipeline p = pub.pipelined();
            for (int i = 0; i < count && !rec.timedOut() && readerError.get() == null; i++) {
                p.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("v", payload(payloadBytes)));
                if (i % 100 == 99) {
                    p.sync();
                }
            }
            p.sync();
            rec.await();
            join(reader);
            pub.del(stream);
        }
        if (rec.received() == 0 && readerError.get() != null) {
            throw readerError.get();
        }
        return rec.result("Redis Streams", STREAMS_DURABILITY);
    }

    static Result sqs(CompareServers servers, int count, int payloadBytes) {
        Recorder rec = new Recorder(count);
        try (SqsClient sqs = SqsClients.client(servers)) {
            String url = sqs.createQueue(b -> b.queueName(kafkacourse.kit.display.Notebook.unique("bench"))).queueUrl();
            Thread receiver = new Thread(() -> {
                while (!rec.finished()) {
                    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                    got.forEach(m -> rec.received(sentAt(m.body())));
                    if (!got.isEmpty()) {
                        sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(got.stream().map(m -> DeleteMessageBatchRequestEntry.builder()
                                .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                    }
                }
            }, "bench-sqs-receiver");
            receiver.start();
            rec.start();
            for (int i = 0; i < count && !rec.timedOut(); i += 10) {
                List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int j = i; j < Math.min(count, i + 10); j++) {
                    batch.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(payload(payloadBytes)).build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch));
            }
            rec.await();
            join(receiver);
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
        return rec.result("SQS(ElasticMQ)", "ElasticMQ 메모리 큐, REST 요청 1번에 10건 (실제 SQS 는 여러 AZ 에 저장)");
    }

    // ------------------------------------------------------------------------------------------------ views

    /** Throughput and p50/p99 side by side, as ratios to Kafka (the first row). */
    public static HtmlTable table(List<Result> results) {
        Result kafka = results.get(0);
        HtmlTable t = HtmlTable.of("시스템", "내구성(이 측정에서)", "받은/보낸", "처리량 (건/초)", "Kafka 대비", "p50 지연 (ms)", "p99 지연 (ms)", "p99 Kafka 대비");
        for (Result r : results) {
            if (!r.measured()) {
                t.row(r.system(), r.durability(), "-", "건너뜀", "", "", "", r.skipped() == null ? "받은 메시지 없음" : r.skipped());
                continue;
            }
            t.row(r.system(), r.durability(), r.received() + "/" + r.sent(), "%,.0f".formatted(r.perSecond()),
                    kafka.measured() ? "%.2f배".formatted(r.perSecond() / kafka.perSecond()) : "",
                    "%.2f".formatted(r.p50Ms()), "%.2f".formatted(r.p99Ms()),
                    kafka.measured() ? "%.2f배".formatted(r.p99Ms() / kafka.p99Ms()) : "");
        }
        return t.caption("같은 작업(메시지 수, 크기 같음)을 한 번의 실행에서 차례로 — 이 컴퓨터의 값");
    }

    /** The source's chapter 3 claims next to this run's numbers. */
    public static HtmlTable verdict(List<Result> results) {
        HtmlTable t = HtmlTable.of("원문 주장", "이 컴퓨터에서 잰 값", "판정");
        Map<String, String[]> claims = Map.of(
                "Kafka", new String[] {"초당 수백만 건", "밀리초"},
                "RabbitMQ", new String[] {"초당 수만 건", "마이크로초"},
                "Redis Pub/Sub", new String[] {"초당 수십만 건", "마이크로초"},
                "SQS(ElasticMQ)", new String[] {"초당 수천 건", "밀리초~초"});
        Result kafka = results.get(0);
        for (Result r : results) {
            String[] claim = claims.get(r.system());
            if (claim == null) {
                continue;
            }
            if (!r.measured()) {
                t.row(r.system() + ": " + claim[0] + ", 지연 " + claim[1], "건너뜀", r.skipped() == null ? "" : r.skipped());
                continue;
            }
            String ratio = kafka.measured() ? " (Kafka 의 %.2f배)".formatted(r.perSecond() / kafka.perSecond()) : "";
            t.row(r.system() + ": 처리량 " + claim[0], "%,.0f 건/초%s".formatted(r.perSecond(), ratio),
                    "절대값은 하드웨어·배치·클러스터 크기에 달림 — 이 컴퓨터(2코어, 노드 3개가 한 대에)의 순위만 비교하세요");
            boolean micro = r.p50Ms() < 1.0;
            t.row(r.system() + ": 지연 " + claim[1], "p50 %.2f ms, p99 %.2f ms".formatted(r.p50Ms(), r.p99Ms()),
                    claim[1].equals("마이크로초") ? (micro ? "맞음: p50 이 1 ms 미만" : "틀림(이 컴퓨터): p50 이 1 ms 이상 — 최대 부하에서는 대기 시간이 더해집니다")
                            : claim[1].equals("밀리초") ? (r.p50Ms() < 1000 ? "맞음: 밀리초 단위" : "틀림: 1초 이상")
                            : "밀리초~초: " + (r.p99Ms() < 1000 ? "이 로컬 큐는 초까지 가지 않음 (실제 SQS 는 네트워크 왕복이 더해짐)" : "초 단위까지 감"));
        }
        return t.caption("원문 3장 표 vs 이 실행");
    }

    public static BarChart throughputChart(List<Result> results) {
        BarChart c = BarChart.of("처리량 (이 컴퓨터, 건/초)", "건/초");
        results.stream().filter(Result::measured).forEach(r -> c.bar(r.system(), Math.round(r.perSecond())));
        return c;
    }

    public static BarChart latencyChart(List<Result> results) {
        // Linear: XChart's bar charts start at 0, which a logarithmic axis cannot draw.
        BarChart c = BarChart.of("p99 지연 (이 컴퓨터, ms)", "ms");
        results.stream().filter(Result::measured).forEach(r -> c.bar(r.system(), r.p99Ms()));
        return c;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static String payload(int bytes) {
        String stamp = Long.toString(System.nanoTime());
        StringBuilder b = new StringBuilder(Math.max(bytes, stamp.length() + 1)).append(stamp).append('|');
        while (b.length() < bytes) {
            b.append('x');
        }
        return b.toString();
    }

    private static long sentAt(String value) {
        return Long.parseLong(value.substring(0, value.indexOf('|')));
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receive times of one run; bounded by {@link #LIMIT}. */
    private static final class Recorder {
        private final int expected;
        private final long[] latencies;
        private final AtomicInteger received = new AtomicInteger();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long start;
        private volatile long last;
        private volatile int sent;

        Recorder(int expected) {
            this.expected = expected;
            this.latencies = new long[expected];
        }

        void start() {
            start = System.nanoTime();
        }

        boolean timedOut() {
            return start != 0 && System.nanoTime() - start > LIMIT.toNanos();
        }

        void received(long sentAt) {
            long now = System.nanoTime();
            int i = received.getAndIncrement();
            if (i < expected) {
                latencies[i] = now - sentAt;
                last = now;
                if (i == expected - 1) {
                    done.countDown();
                }
            }
        }

        int received() {
            return received.get();
        }

        boolean finished() {
            return received.get() >= expected || timedOut();
        }

        void await() {
            try {
                long left = LIMIT.toNanos() - (System.nanoTime() - start);
                done.await(Math.max(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Result result(String system, String durability) {
            int n = Math.min(received.get(), expected);
            long[] l = Arrays.copyOf(latencies, n);
            Arrays.sort(l);
            double seconds = n == 0 ? 0 : (last - start) / 1e9;
            return new Result(system, durability, expected, n, n == 0 ? 0 : n / seconds,
                    n == 0 ? 0 : l[(int) (n * 0.50)] / 1e6, n == 0 ? 0 : l[Math.min(n - 1, (int) (n * 0.99))] / 1e6, null);
        }
    }
}
