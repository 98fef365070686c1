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
 * poll 할 때마다 커밋하지는 않지만 리밸런스에서 진행 상황을 잃지 않는 워커. 파티션을 빼앗길 때 처리한 것을
 * 커밋합니다. 과제 설명: README.ko.md 의 "5. 리밸런스", 막히면 HINTS.ko.md#5.
 */
public class RebalanceAwareWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final RecordHandler handler;
    /** 파티션별로 다음에 커밋할 오프셋: 처리했지만 아직 커밋하지 않은 것. */
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final List<Set<TopicPartition>> revocations = new CopyOnWriteArrayList<>();

    public RebalanceAwareWorker(Properties cluster, String topic, String groupId, RecordHandler handler) {
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic), new CommitOnRevoke());
    }

    /** 과제 5-1: 과제 1의 설정에 cooperative-sticky 할당 전략을 더합니다. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = OrderWorker.consumerConfig(cluster, groupId);
        // 점진적 리밸런스: 멤버는 옮겨 가는 파티션만 내놓고 나머지는 그대로 둡니다.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return p;
    }

    /** 한 번 poll 해서 받은 것을 처리하고, 나중에 커밋할 오프셋을 기억합니다 (주어진 코드). */
    public int pollAndProcess(Duration timeout) {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            handler.handle(record);
            processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            count++;
        }
        return count;
    }

    /** 이 멤버가 지금 맡은 파티션들 (주어진 코드). */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(consumer.assignment());
    }

    /** 이 멤버가 내놓아야 했던 파티션 묶음(비지 않은 것)을 순서대로 (주어진 코드). */
    public List<Set<TopicPartition>> revocations() {
        return List.copyOf(revocations);
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        /** 파티션이 다른 멤버에게 가기 전에 poll(또는 close) 안에서 불립니다. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                revocations.add(Set.copyOf(partitions));
            }
            // 과제 5-2: 빼앗기는 파티션에서 처리한 것을 옮겨 가기 전에 동기로 커밋합니다.
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
            // 할 일이 없습니다: 새 주인은 그룹의 커밋된 오프셋에서 시작합니다.
        }

        /** 파티션이 이미 다른 멤버의 것일 때 불립니다(예: 이 멤버가 너무 느렸을 때). 커밋하기엔 늦었습니다. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(processed::remove);
        }
    }

    /** 그룹에서 나갑니다. 클래식 컨슈머는 먼저 onPartitionsRevoked 를 부르므로 진행 상황이 커밋됩니다 (주어진 코드). */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
