package kafkacourse.lab03;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * 토픽의 지난 기록을 다시 읽습니다. 레코드는 읽혀도 지워지지 않으므로, 읽는 위치를 뒤로 옮기면 다시 읽을 수 있습니다.
 * 과제 설명: README.ko.md 의 "3. 지난 메시지 다시 읽기", 막히면 HINTS.ko.md#3.
 */
public class HistoryReplayer implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    /** {@code topic} 의 모든 파티션을 컨슈머 그룹 없이 읽는 리더 (주어짐). */
    public HistoryReplayer(Properties cluster, String topic) {
        Properties p = OrderWorker.baseConfig(cluster);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // 클라이언트 기본값: seek 하지 않은 리더는 끝에서 시작해 앞으로 들어올 것만 봅니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(p);
        this.partitions = consumer.partitionsFor(topic, LIMIT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
    }

    /** 토픽에 아직 남아 있는 모든 레코드를, 파티션마다 첫 오프셋부터 읽어 돌려줍니다. */
    public List<ConsumerRecord<String, String>> replayAll() {
        // TODO 3-1: 모든 파티션(partitions)의 읽는 위치를 맨 앞으로 옮긴 뒤 readToEnd() 의 결과를 돌려주세요.
        throw new UnsupportedOperationException("TODO 3-1: replayAll 에서 읽는 위치를 맨 앞으로 옮긴 뒤 끝까지 읽으세요.");
    }

    /** 타임스탬프가 {@code from} 이후(같거나 늦은)인 레코드만 읽어 돌려줍니다. */
    public List<ConsumerRecord<String, String>> replaySince(Instant from) {
        // TODO 3-2: 파티션마다 from.toEpochMilli() 를 넣어 consumer.offsetsForTimes(..., LIMIT) 로
        //           "그 시각 이후 첫 레코드의 오프셋"을 찾고 seek 하세요. 결과가 null 인 파티션(그 뒤 레코드 없음)은 seekToEnd.
        //           그다음 readToEnd() 의 결과를 돌려주세요.
        throw new UnsupportedOperationException("TODO 3-2: replaySince 에서 offsetsForTimes 로 찾은 오프셋으로 seek 하세요.");
    }

    /**
     * 멈춰 있는(활성 멤버가 없는) 그룹의 커밋된 오프셋을 {@code from} 이후 첫 레코드로 되돌립니다.
     * {@code kafka-consumer-groups.sh --reset-offsets --to-datetime} 과 같은 일입니다.
     */
    public static void rewindGroup(Admin admin, String groupId, String topic, Instant from) {
        // TODO 3-3: (1) admin.describeTopics 로 토픽의 파티션 수를 구하고,
        //           (2) admin.listOffsets 에 파티션마다 OffsetSpec.forTimestamp(from.toEpochMilli()) 를 물어 오프셋을 찾고
        //               (-1 이면 그 시각 뒤 레코드가 없으니 OffsetSpec.latest() 의 끝 오프셋을 씁니다),
        //           (3) admin.alterConsumerGroupOffsets(groupId, ...) 로 그 오프셋들을 커밋하세요. Future 는 시간 제한을 두고 get.
        throw new UnsupportedOperationException("TODO 3-3: rewindGroup 에서 Admin API 로 그룹의 커밋 위치를 그 시각으로 되돌리세요.");
    }

    /** 지금 위치부터, 지금 이 순간의 끝 오프셋까지 읽습니다 (주어짐). */
    List<ConsumerRecord<String, String>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, LIMIT) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("끝 오프셋 " + end + " 까지 " + LIMIT.toSeconds() + "초 안에 읽지 못했습니다.");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        records.removeIf(r -> r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())));
        return records;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
