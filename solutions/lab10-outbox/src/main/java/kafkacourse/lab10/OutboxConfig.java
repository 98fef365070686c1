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
        // 재시도가 파티션 안에서 중복을 만들거나 순서를 바꾸지 않습니다: 브로커가 이미 가진 배치는 버립니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // 응답은 "ISR 의 모든 복제본에 기록됨"을 뜻합니다: 그때에만 행을 보냄으로 표시해도 됩니다.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Kafka 가 꺼졌거나 닿지 않으면 1분씩 멈추지 않고 몇 초 안에 실패합니다(행은 보내지 않은 채 남습니다).
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
        // 오프셋은 그 레코드들을 반영한 DB 트랜잭션 뒤에 직접 커밋합니다.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // 새 그룹은 자기가 들어온 뒤에 쓰인 이벤트가 아니라 첫 이벤트부터 시작합니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
