package kafkacourse.lab03;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A worker that does not commit after every poll, but never loses its progress in a rebalance: it commits what it
 * processed when partitions are taken away. 과제 설명: README.ko.md 의 "5. 리밸런스", 막히면 HINTS.ko.md#5.
 */
public class RebalanceAwareWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final RecordHandler handler;
    /** Next offset to commit per partition: processed, not yet committed. */
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final List<Set<TopicPartition>> revocations = new CopyOnWriteArrayList<>();

    public RebalanceAwareWorker(Properties cluster, String topic, String groupId, RecordHandler handler) {
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic), new CommitOnRevoke());
    }

    /** TODO 5-1: task 1's settings plus the cooperative-sticky assignor. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = OrderWorker.consumerConfig(cluster, groupId);
        // Incremental rebalancing: a member gives up only the partitions that move, and keeps the others.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return p;
    }

    /** Polls once and processes what arrived, remembering the offsets to commit later (given). */
    public int pollAndProcess(Duration timeout) {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            handler.handle(record);
            processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            count++;
        }
        return count;
    }

    /** The partitions this member owns now (given). */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(consumer.assignment());
    }

    /** Every non-empty set of partitions this member had to give up, in order (given). */
    public List<Set<TopicPartition>> revocations() {
        return List.copyOf(revocations);
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        /** Called in poll (or close) before the partitions go to another member. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                revocations.add(Set.copyOf(partitions));
            }
            // TODO 5-2: commit what was processed on the revoked partitions, synchronously, before they move.
            Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata next = processed.remove(tp);
                if (next != null) {
                    toCommit.put(tp, next);
                }
            }
            if (!toCommit.isEmpty()) {
                consumer.commitSync(toCommit);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to do: the new owner starts at the group's committed offset.
        }

        /** Called when the partitions are already someone else's (e.g. this member was too slow): too late to commit. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(processed::remove);
        }
    }

    /** Leaves the group; the classic consumer calls onPartitionsRevoked first, so progress is committed (given). */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
