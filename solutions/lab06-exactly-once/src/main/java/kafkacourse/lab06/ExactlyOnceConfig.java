package kafkacourse.lab06;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 정확히 한 번 처리에 필요한 프로듀서·컨슈머 설정입니다.
 * 과제 설명: README.ko.md 의 "1. 트랜잭션 프로듀서와 read_committed 컨슈머", 막히면 HINTS.ko.md#1.
 */
public final class ExactlyOnceConfig {

    /** 트랜잭션이 끝나지 않고 멈췄을 때 브로커가 스스로 중단(abort)하기까지의 시간. 실습에서는 10초. */
    public static final int TRANSACTION_TIMEOUT_MS = 10_000;

    private ExactlyOnceConfig() {
    }

    /**
     * 트랜잭션 프로듀서 설정. {@code cluster} 에는 bootstrap.servers 가 들어 있습니다.
     */
    public static Properties producerConfig(Properties cluster, String transactionalId) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // The worker's identity across restarts: a new instance with the same id fences the old one.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // Required by transactions (and the default): retries never write a record twice.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // A hanging transaction blocks read_committed readers (LSO); let the broker abort it after 10 s, not 60 s.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Integer.toString(TRANSACTION_TIMEOUT_MS));
        // initTransactions/commitTransaction/send block at most 10 s instead of 60 s.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }

    /**
     * 트랜잭션으로 쓰인 토픽을 읽는 컨슈머 설정.
     */
    public static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Only records of committed transactions (and non-transactional records); aborted ones are skipped.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed by the producer's transaction (sendOffsetsToTransaction), never by the consumer.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the first order, not at the end of the topic.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // committed(), position() and close() give up after 15 s instead of 60 s.
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
