package kafkacourse.lab07;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 계좌 이벤트를 토픽에 쌓고(이벤트 저장소), 이벤트를 처음부터 다시 재생해 현재 상태를 만듭니다(이벤트 소싱).
 * 과제 설명: README.ko.md 의 "1. 이벤트 저장", "2. 재생으로 상태 복원", 막히면 HINTS.ko.md#1, #2.
 */
public class AccountEventStore implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private final Properties cluster;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    public AccountEventStore(Properties cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // 이벤트 저장소는 이벤트를 잃거나 겹쳐 쓰면 안 됩니다: 모든 복제본이 확인하고, 재시도가 중복을 만들지 않습니다.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * 이벤트 하나를 저장하고, 브로커가 기록한 위치를 돌려줍니다.
     */
    public RecordMetadata append(AccountEvent event) {
        // 계좌 ID 가 키입니다: 한 계좌의 이벤트는 모두 한 파티션에, 덧붙인 순서대로 들어갑니다.
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.accountId(), event.toValue());
        try {
            return producer.send(record).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("이벤트 저장 중 인터럽트", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("이벤트를 저장하지 못했습니다: " + event, e);
        }
    }

    /**
     * 계좌의 이벤트를 토픽의 맨 처음(오프셋 0)부터 지금 끝까지 재생해 현재 상태를 만듭니다.
     */
    public Account load(String accountId) {
        return snapshot(accountId).account();
    }

    /**
     * {@link #load} 와 같이 재생하고, 그 상태와 "다음에 읽을 위치"를 스냅샷으로 돌려줍니다.
     */
    public AccountSnapshot snapshot(String accountId) {
        try (KafkaConsumer<String, String> consumer = newReader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions); // "latest" 가 아니라 로그의 처음부터 다시 읽습니다
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
            Replay replay = new Replay(Account.empty(accountId), -1, 0);
            replay = readUntil(consumer, end, replay);
            if (replay.partition < 0) {
                throw new IllegalStateException("계좌 " + accountId + " 의 이벤트가 하나도 없습니다");
            }
            return new AccountSnapshot(replay.account, replay.partition, replay.nextOffset);
        }
    }

    /**
     * 스냅샷에서 시작해, 스냅샷 이후에 저장된 이벤트만 재생합니다.
     */
    public Account loadFrom(AccountSnapshot snapshot) {
        try (KafkaConsumer<String, String> consumer = newReader()) {
            TopicPartition partition = new TopicPartition(topic, snapshot.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, snapshot.nextOffset());
            Map<TopicPartition, Long> end = consumer.endOffsets(List.of(partition), LIMIT);
            return readUntil(consumer, end, new Replay(snapshot.account(), snapshot.partition(), snapshot.nextOffset())).account;
        }
    }

    /** 다시 읽기가 어디까지 왔는지: 지금까지의 상태와, 마지막으로 적용한 이벤트 다음 위치. */
    private record Replay(Account account, int partition, long nextOffset) {
    }

    /** 모든 파티션을 {@code end} 까지 읽을 때까지 poll 하며, 계좌의 이벤트를 오프셋 순서대로 적용합니다. */
    private Replay readUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, Replay start) {
        Replay replay = start;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), LIMIT) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("이벤트를 " + LIMIT.toSeconds() + "초 안에 끝까지 재생하지 못했습니다");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                        && replay.account.id().equals(record.key())) {
                    Account next = replay.account.apply(AccountEvent.parse(record.key(), record.value()));
                    replay = new Replay(next, record.partition(), record.offset() + 1);
                }
            }
        }
        return replay;
    }

    /** 주어진 코드: 컨슈머 그룹 없이 읽는 컨슈머 (assign + seek 로 쓰고, 아무것도 커밋하지 않습니다). */
    private KafkaConsumer<String, String> newReader() {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
