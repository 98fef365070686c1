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
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * poll 할 때마다 커밋하지는 않지만, 리밸런스로 파티션을 내줄 때는 처리한 만큼 커밋해서 진행 상황을 잃지 않는 워커.
 * 과제 설명: README.ko.md 의 "5. 리밸런스", 막히면 HINTS.ko.md#5.
 */
public class RebalanceAwareWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final RecordHandler handler;
    /** 파티션별로 다음에 커밋할 오프셋: 처리는 끝났지만 아직 커밋하지 않은 위치. */
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final List<Set<TopicPartition>> revocations = new CopyOnWriteArrayList<>();

    public RebalanceAwareWorker(Properties cluster, String topic, String groupId, RecordHandler handler) {
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic), new CommitOnRevoke());
    }

    /** 과제 1의 설정에 cooperative-sticky 할당 전략을 더한 설정. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        // TODO 5-1: OrderWorker.consumerConfig(cluster, groupId) 에서 시작해, partition.assignment.strategy 를
        //           CooperativeStickyAssignor 로 지정하세요. 멤버가 바뀔 때 옮겨 갈 파티션만 회수됩니다.
        throw new UnsupportedOperationException("TODO 5-1: consumerConfig 에 cooperative-sticky 할당 전략을 지정하세요.");
    }

    /** 한 번 poll 해서 받은 것을 처리하고, 나중에 커밋할 오프셋을 기억합니다 (주어짐). */
    public int pollAndProcess(Duration timeout) {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            handler.handle(record);
            processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            count++;
        }
        return count;
    }

    /** 이 멤버가 지금 가진 파티션들 (주어짐). */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(consumer.assignment());
    }

    /** 이 멤버가 내놓아야 했던 (비어 있지 않은) 파티션 집합들, 순서대로 (주어짐). */
    public List<Set<TopicPartition>> revocations() {
        return List.copyOf(revocations);
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        /** 파티션이 다른 멤버에게 넘어가기 전에 poll (또는 close) 안에서 호출됩니다. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                revocations.add(Set.copyOf(partitions));
            }
            // TODO 5-2: 내놓는 파티션들(partitions)에 대해 processed 에 기억해 둔 오프셋을 꺼내(remove) 모으고,
            //           모은 것이 있으면 consumer.commitSync(그 Map) 으로 커밋하세요. 넘겨받을 멤버는 이 위치부터 읽습니다.
            throw new UnsupportedOperationException("TODO 5-2: onPartitionsRevoked 에서 내놓는 파티션의 처리한 오프셋을 커밋하세요.");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // 할 일 없음: 새 주인은 그룹의 커밋된 오프셋에서 시작합니다.
        }

        /** 파티션이 이미 다른 멤버의 것이 된 뒤(예: 이 멤버가 너무 느렸음)에 호출됩니다. 커밋하기엔 늦었습니다. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(processed::remove);
        }
    }

    /** 그룹을 떠납니다. 클래식 컨슈머는 먼저 onPartitionsRevoked 를 부르므로 진행 상황이 커밋됩니다 (주어짐). */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
