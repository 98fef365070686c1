package kafkacourse.lab07;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Test helper: one interceptor class for the producer and the consumers of one piece of learner code (scoped by
 * {@link #WATCH_ID}). The producer side counts records sent but not yet acknowledged by the broker; the consumer
 * side notes every offset commit made while such records were still pending — a crash at that moment loses them.
 */
public final class CommitWatch implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    /** Client setting naming the watch, so that parallel tests do not share counters. */
    public static final String WATCH_ID = "commit.watch.id";

    private static final Map<String, AtomicInteger> PENDING = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> UNSAFE = new ConcurrentHashMap<>();

    private String id = "";

    /** Commits made while sent records were not yet stored, in words. */
    static List<String> unsafeCommits(String watchId) {
        return List.copyOf(UNSAFE.getOrDefault(watchId, List.of()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(WATCH_ID);
        id = value == null ? "" : value.toString();
        PENDING.computeIfAbsent(id, k -> new AtomicInteger());
        UNSAFE.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        PENDING.get(id).incrementAndGet();
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        PENDING.get(id).decrementAndGet();
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        int pending = PENDING.get(id).get();
        if (pending > 0) {
            String topics = offsets.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList().toString();
            UNSAFE.get(id).add(topics + " 의 오프셋을 커밋할 때 브로커가 아직 저장을 확인하지 않은 출력 " + pending + "건");
        }
    }

    @Override
    public void close() {
    }
}
