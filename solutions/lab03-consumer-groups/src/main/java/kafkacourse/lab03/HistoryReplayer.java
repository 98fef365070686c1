package kafkacourse.lab03;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * 토픽의 지난 기록을 다시 읽습니다. 레코드는 읽어도 지워지지 않으므로 읽는 위치를 뒤로 옮길 수 있습니다.
 * 과제 설명: README.ko.md 의 "3. 지난 메시지 다시 읽기", 막히면 HINTS.ko.md#3.
 */
public class HistoryReplayer implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    /** 컨슈머 그룹 없이 {@code topic} 의 모든 파티션을 읽는 리더 (주어진 코드). */
    public HistoryReplayer(Properties cluster, String topic) {
        Properties p = OrderWorker.baseConfig(cluster);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // 클라이언트 기본값: seek 하지 않은 리더는 끝에서 시작해 그 뒤에 오는 것만 봅니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(p);
        this.partitions = consumer.partitionsFor(topic, LIMIT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
    }

    /** 과제 3-1: 토픽에 아직 남아 있는 모든 레코드를 각 파티션의 첫 오프셋부터. */
    public List<ConsumerRecord<String, String>> replayAll() {
        consumer.seekToBeginning(partitions);
        return readToEnd();
    }

    /** 과제 3-2: 타임스탬프가 {@code from} 이후(같은 시각 포함)인 모든 레코드. */
    public List<ConsumerRecord<String, String>> replaySince(Instant from) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, LIMIT);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp first = found.get(tp);
            if (first != null) {
                consumer.seek(tp, first.offset());
            } else {
                // 이 파티션에는 `from` 이후의 레코드가 없습니다: 다시 읽을 것이 없습니다.
                consumer.seekToEnd(List.of(tp));
            }
        }
        return readToEnd();
    }

    /** 과제 3-3: (멈춘) 그룹의 커밋된 오프셋을 {@code from} 이후의 첫 레코드로 되돌립니다. */
    public static void rewindGroup(Admin admin, String groupId, String topic, Instant from) {
        try {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
            Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
            for (int i = 0; i < count; i++) {
                atTime.put(new TopicPartition(topic, i), OffsetSpec.forTimestamp(from.toEpochMilli()));
                atEnd.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResultInfo> first = admin.listOffsets(atTime).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(atEnd).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
            // 오프셋 -1: `from` 이후의 레코드가 없다는 뜻입니다. 그러면 그룹은 그 파티션의 끝에서 시작합니다.
            first.forEach((tp, info) -> target.put(tp, new OffsetAndMetadata(info.offset() >= 0 ? info.offset() : end.get(tp).offset())));
            admin.alterConsumerGroupOffsets(groupId, target).all().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(groupId + " 그룹을 되감다가 중단되었습니다", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(groupId + " 그룹을 되감지 못했습니다 (활성 멤버가 없어야 합니다)", e);
        }
    }

    /** 지금 위치에서 이 순간의 끝 오프셋까지 읽습니다 (주어진 코드). */
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
