package kafkacourse.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a topic really holds, independent of any learner code: every partition from its first to its current
 * last offset, without a consumer group (assign + seek), so it changes no committed offset.
 */
public final class TopicReader {

    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    private TopicReader() {
    }

    /** All records of the topic, ordered by partition then offset. */
    public static List<ConsumerRecord<String, String>> readAll(KafkaCluster cluster, String topic) {
        return readAll(cluster, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Settings of a reader like this one: String deserializers, the given isolation level, no group, no commits (the
     * caller assigns partitions), for a test that keeps reading while something else writes.
     */
    public static Properties readerConfig(KafkaCluster cluster, IsolationLevel isolation) {
        Properties p = cluster.clientProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    /** The keys of all records, ordered by partition then offset. */
    public static List<String> keys(KafkaCluster cluster, String topic) {
        return readAll(cluster, topic).stream().map(ConsumerRecord::key).toList();
    }

    /** The values of all records, ordered by partition then offset. */
    public static List<String> values(KafkaCluster cluster, String topic) {
        return readAll(cluster, topic).stream().map(ConsumerRecord::value).toList();
    }

    /** The keys of the records visible at the given isolation level, ordered by partition then offset. */
    public static List<String> keys(KafkaCluster cluster, String topic, IsolationLevel isolation) {
        return readAll(cluster, topic, isolation).stream().map(ConsumerRecord::key).toList();
    }

    /** All records visible at the given isolation level ({@code READ_COMMITTED} hides aborted transactions). */
    public static List<ConsumerRecord<String, String>> readAll(KafkaCluster cluster, String topic, IsolationLevel isolation) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerConfig(cluster, isolation))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, READ_LIMIT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new ClusterException("토픽 " + topic + " 을(를) " + READ_LIMIT.toSeconds() + "초 안에 끝까지 읽지 못했습니다. 끝 오프셋: " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream()
                    .filter(r -> r.offset() < end.get(new TopicPartition(r.topic(), r.partition())))
                    .sorted(Comparator.comparingInt(ConsumerRecord<String, String>::partition).thenComparingLong(ConsumerRecord::offset))
                    .collect(Collectors.toList());
        }
    }
}
