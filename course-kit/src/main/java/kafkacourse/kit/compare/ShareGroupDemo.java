package kafkacourse.kit.compare;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafkacourse.kit.Clients;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.display.HtmlTable;
import kafkacourse.kit.display.Notebook;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Kafka's own queues (share groups, KIP-932, production-ready since 4.2), live for notebook 03. */
public final class ShareGroupDemo {

    private ShareGroupDemo() {
    }

    /** A 1-partition topic, a share group of {@code members}: how many records did each member get? */
    public static HtmlTable membersOnOnePartition(KafkaCluster cluster, int members, int records) {
        String topic = Clients.newTopic(cluster, "jobs", 1, 3);
        String group = Notebook.unique("share");
        cluster.setGroupConfigs(group, Map.of("share.auto.offset.reset", "earliest"));
        send(cluster, topic, records);
        Map<String, Integer> perMember = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(members);
        for (int m = 1; m <= members; m++) {
            String name = "멤버-" + m;
            pool.submit(() -> {
                try (KafkaShareConsumer<String, String> c = consumer(cluster, group, Map.of(
                        ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "3"))) {
                    c.subscribe(List.of(topic));
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                            perMember.merge(name, 1, Integer::sum);
                            busy(20); // a little work per record, so that the others get their turn
                            c.acknowledge(r, AcknowledgeType.ACCEPT);
                        }
                        c.commitSync(Duration.ofSeconds(10));
                    }
                }
                return null;
            });
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (perMember.values().stream().mapToInt(Integer::intValue).sum() < records && System.nanoTime() < until) {
            Thread.onSpinWait();
            sleep(50);
        }
        stop.set(true);
        pool.shutdown();
        try {
            pool.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HtmlTable t = HtmlTable.of("공유 그룹 멤버", "받은 레코드");
        new TreeMap<>(perMember).forEach(t::row);
        for (int m = 1; m <= members; m++) {
            if (!perMember.containsKey("멤버-" + m)) {
                t.row("멤버-" + m, 0);
            }
        }
        return t.caption("파티션 1개 토픽, 공유 그룹 멤버 " + members + "명 (컨슈머 그룹이었다면 한 명만 받습니다)");
    }

    /**
     * One record RELEASEd on every delivery, one REJECTed: delivery counts as the broker reports them, until
     * {@code share.delivery.count.limit} archives the released one.
     */
    public static HtmlTable redelivery(KafkaCluster cluster, int deliveryLimit) {
        String topic = Clients.newTopic(cluster, "redelivery", 1, 3);
        String group = Notebook.unique("share");
        cluster.setGroupConfigs(group, Map.of("share.auto.offset.reset", "earliest", "share.delivery.count.limit", Integer.toString(deliveryLimit)));
        try (KafkaProducer<String, String> p = Clients.producer(cluster)) {
            p.send(new ProducerRecord<>(topic, "늘 실패", "RELEASE"));
            p.send(new ProducerRecord<>(topic, "독 메시지", "REJECT"));
            p.send(new ProducerRecord<>(topic, "정상", "ACCEPT"));
        }
        HtmlTable t = HtmlTable.of("배달", "키", "deliveryCount", "작업자의 응답");
        int n = 0;
        try (KafkaShareConsumer<String, String> c = consumer(cluster, group, Map.of())) {
            c.subscribe(List.of(topic));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int quiet = 0;
            while (System.nanoTime() < until && quiet < 5) {
                var records = c.poll(Duration.ofMillis(300));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    AcknowledgeType type = AcknowledgeType.valueOf(r.value());
                    t.row(++n, r.key(), r.deliveryCount().map(String::valueOf).orElse("-"), type);
                    c.acknowledge(r, type);
                }
                c.commitSync(Duration.ofSeconds(10));
            }
        }
        return t.caption("RELEASE 는 다시 오고(배달 횟수 +1, 한도 " + deliveryLimit + "번이면 보관 처리), REJECT·ACCEPT 는 다시 오지 않습니다");
    }

    /** A member takes a record and never answers: after the lock duration another member gets it (delivery count 2). */
    public static HtmlTable lockTimeout(KafkaCluster cluster, int lockMs) {
        String topic = Clients.newTopic(cluster, "lock", 1, 3);
        String group = Notebook.unique("share");
        cluster.setGroupConfigs(group, Map.of("share.auto.offset.reset", "earliest", "share.record.lock.duration.ms", Integer.toString(lockMs)));
        send(cluster, topic, 1);
        HtmlTable t = HtmlTable.of("멤버", "받은 시각(시작부터 초)", "deliveryCount", "한 일");
        long t0 = System.nanoTime();
        try (KafkaShareConsumer<String, String> stuck = consumer(cluster, group, Map.of());
             KafkaShareConsumer<String, String> other = consumer(cluster, group, Map.of())) {
            stuck.subscribe(List.of(topic));
            other.subscribe(List.of(topic));
            boolean taken = false;
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lockMs + 20_000L);
            while (System.nanoTime() < until) {
                if (!taken) {
                    for (ConsumerRecord<String, String> r : stuck.poll(Duration.ofMillis(200))) {
                        t.row("멈춘 멤버", "%.1f".formatted((System.nanoTime() - t0) / 1e9), r.deliveryCount().orElse((short) 0), "받고 응답하지 않음 (잠금 유지)");
                        taken = true;
                    }
                }
                boolean done = false;
                for (ConsumerRecord<String, String> r : other.poll(Duration.ofMillis(200))) {
                    t.row("다른 멤버", "%.1f".formatted((System.nanoTime() - t0) / 1e9), r.deliveryCount().orElse((short) 0), "잠금이 풀린 뒤 받아 처리(ACCEPT)");
                    other.acknowledge(r, AcknowledgeType.ACCEPT);
                    done = true;
                }
                if (done) {
                    other.commitSync(Duration.ofSeconds(10));
                    break;
                }
            }
        }
        return t.caption("잠금 시간 share.record.lock.duration.ms = " + lockMs + " ms (브로커 하한 group.share.min.record.lock.duration.ms 기본 15000)");
    }

    // ------------------------------------------------------------------------------------------------ internals

    static KafkaShareConsumer<String, String> consumer(KafkaCluster cluster, String group, Map<String, String> extra) {
        Properties p = cluster.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        p.putAll(extra);
        return new KafkaShareConsumer<>(p);
    }

    private static void send(KafkaCluster cluster, String topic, int records) {
        try (KafkaProducer<String, String> p = Clients.producer(cluster)) {
            for (int i = 1; i <= records; i++) {
                p.send(new ProducerRecord<>(topic, "job-" + i, "작업 " + i));
                p.flush(); // one batch per record: the broker hands out whole batches
            }
        }
    }

    private static void busy(long ms) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
