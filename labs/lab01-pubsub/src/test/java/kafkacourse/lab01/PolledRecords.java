package kafkacourse.lab01;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor the test adds to the cluster settings it hands to learner code: it counts, per group, the
 * records that {@code poll} returned, so a test can tell that the learner's consumer has received something without
 * depending on when (or whether) it commits. Learner code that copies the given settings carries it along.
 */
public final class PolledRecords implements ConsumerInterceptor<String, String> {

    private static final Map<String, AtomicInteger> BY_GROUP = new ConcurrentHashMap<>();

    private String group = "";

    /** The settings plus this interceptor. */
    static java.util.Properties counting(java.util.Properties cluster) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, PolledRecords.class.getName());
        return p;
    }

    /** Records {@code poll} has returned so far to the members of {@code group} that carry this interceptor. */
    static int of(String group) {
        AtomicInteger n = BY_GROUP.get(group);
        return n == null ? 0 : n.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        group = id == null ? "" : id.toString();
    }

    @Override
    public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
        BY_GROUP.computeIfAbsent(group, g -> new AtomicInteger()).addAndGet(records.count());
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
