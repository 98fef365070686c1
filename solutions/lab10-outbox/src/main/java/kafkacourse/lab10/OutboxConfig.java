package kafkacourse.lab10;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 중계기의 프로듀서와 이력 서비스의 컨슈머 설정입니다.
 * 과제 설명: README.ko.md 의 "2." 와 "3.", 막히면 HINTS.ko.md#2, #3.
 */
public final class OutboxConfig {

    private OutboxConfig() {
    }

    /** 중계기의 프로듀서: 멱등, acks=all, 응답이 없으면 몇 초 안에 실패. */
    public static Properties relayProducer(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Retries never duplicate or reorder within a partition: the broker drops a batch it already has.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // An ack means "written to every in-sync replica": only then may the row be marked sent.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Kafka down or unreachable: fail within seconds (the row stays unsent) instead of blocking a minute.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }

    /** 이력 서비스의 컨슈머: 오프셋은 DB 트랜잭션이 끝난 뒤 직접 커밋, 새 그룹은 처음부터. */
    public static Properties eventConsumer(Properties cluster, String groupId) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Offsets are committed by hand, after the DB transaction of the records they cover.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts with the first event, not with the ones written after it joined.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
