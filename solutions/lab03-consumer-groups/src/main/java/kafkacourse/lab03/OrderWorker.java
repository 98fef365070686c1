package kafkacourse.lab03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of a consumer group that processes order records and commits only what it has processed.
 * 과제 설명: README.ko.md 의 "1. 컨슈머 그룹과 파티션 할당", "2. 처리한 뒤에 커밋하기", 막히면 HINTS.ko.md#1, #2.
 */
public class OrderWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public OrderWorker(Properties cluster, String topic, String groupId) {
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /** Settings every consumer of this lab shares (given). */
    static Properties baseConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // The classic group protocol (Kafka 4.x default; the new KIP-848 protocol is group.protocol=consumer).
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Members hear about a rebalance through heartbeats: every 200 ms instead of every 3 s, so that a lab's
        // rebalance takes about a second.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200");
        return p;
    }

    /** TODO 1-1: the group member's settings. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = baseConfig(cluster);
        // Members with the same group.id share the topic's partitions.
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // We commit ourselves, after processing (at-least-once); auto-commit could commit what was not processed.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A group without committed offsets starts at the oldest record.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** TODO 1-2: the partitions the group currently gives this member. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(consumer.assignment());
    }

    /** One poll (given): also how the member takes part in the group (join, heartbeat, rebalance). */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    /** TODO 2: poll once, process every record, then commit; return how many records were processed. */
    public int processOnce(Duration timeout, RecordHandler handler) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        for (ConsumerRecord<String, String> record : records) {
            // If the handler throws, we leave before the commit: the batch will be delivered again (at-least-once).
            handler.handle(record);
        }
        if (!records.isEmpty()) {
            // Commits the position after the last record of this poll, i.e. offset + 1 per partition.
            consumer.commitSync();
        }
        return records.count();
    }

    /** Leaves the group without committing (given): like a worker that stops, or crashes, between commits. */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
