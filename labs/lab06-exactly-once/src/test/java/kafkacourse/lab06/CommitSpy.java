package kafkacourse.lab06;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records, per consumer group, whether a consumer consumed records and whether it committed offsets itself
 * (commitSync/commitAsync/auto-commit) (test helper). Installed through {@code interceptor.classes} in the cluster
 * properties the test hands to the processor; it is both interceptor kinds because those properties are copied
 * into the producer's settings too.
 */
public final class CommitSpy implements ConsumerInterceptor<String, String>, ProducerInterceptor<String, String> {

    private static final Set<String> CONSUMED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Integer> CONSUMER_COMMITS = new ConcurrentHashMap<>();

    private String groupId;

    static boolean consumed(String groupId) {
        return CONSUMED.contains(groupId);
    }

    static int consumerCommits(String groupId) {
        return CONSUMER_COMMITS.getOrDefault(groupId, 0);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object group = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        groupId = group == null ? null : group.toString();
    }

    @Override
    public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
        if (groupId != null && !records.isEmpty()) {
            CONSUMED.add(groupId);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (groupId != null && !offsets.isEmpty()) {
            CONSUMER_COMMITS.merge(groupId, 1, Integer::sum);
        }
    }

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
