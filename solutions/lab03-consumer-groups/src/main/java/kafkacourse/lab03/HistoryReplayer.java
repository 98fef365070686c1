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
 * Re-reads a topic's history: records are not deleted when consumed, so a reader can move its position back.
 * 과제 설명: README.ko.md 의 "3. 지난 메시지 다시 읽기", 막히면 HINTS.ko.md#3.
 */
public class HistoryReplayer implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    /** A reader of every partition of {@code topic}, without a consumer group (given). */
    public HistoryReplayer(Properties cluster, String topic) {
        Properties p = OrderWorker.baseConfig(cluster);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The client default: a reader that does not seek starts at the end and sees only what comes next.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(p);
        this.partitions = consumer.partitionsFor(topic, LIMIT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
    }

    /** TODO 3-1: every record the topic still holds, from the first offset of each partition. */
    public List<ConsumerRecord<String, String>> replayAll() {
        consumer.seekToBeginning(partitions);
        return readToEnd();
    }

    /** TODO 3-2: every record with a timestamp at or after {@code from}. */
    public List<ConsumerRecord<String, String>> replaySince(Instant from) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, LIMIT);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp first = found.get(tp);
            if (first != null) {
                consumer.seek(tp, first.offset());
            } else {
                // No record at or after `from` in this partition: nothing to replay here.
                consumer.seekToEnd(List.of(tp));
            }
        }
        return readToEnd();
    }

    /** TODO 3-3: move a (stopped) group's committed offsets back to the first record at or after {@code from}. */
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
            // offset -1: no record at or after `from`; the group then starts at the end of that partition.
            first.forEach((tp, info) -> target.put(tp, new OffsetAndMetadata(info.offset() >= 0 ? info.offset() : end.get(tp).offset())));
            admin.alterConsumerGroupOffsets(groupId, target).all().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rewinding " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not rewind group " + groupId + " (it must have no active members)", e);
        }
    }

    /** Reads from the current positions up to the end offsets of this moment (given). */
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
