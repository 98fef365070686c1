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
        // 다시 시작해도 같은 워커라는 표시: 같은 ID 의 새 인스턴스가 예전 인스턴스를 펜싱합니다.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // 트랜잭션에 꼭 필요합니다(기본값이기도 합니다). 재시도가 레코드를 두 번 쓰지 않습니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // 멈춘 트랜잭션은 read_committed 리더를 막습니다(LSO). 브로커가 60초가 아니라 10초 뒤에 중단하게 합니다.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Integer.toString(TRANSACTION_TIMEOUT_MS));
        // initTransactions/commitTransaction/send 는 60초가 아니라 최대 10초 멈춥니다.
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
        // 커밋된 트랜잭션의 레코드(와 트랜잭션 밖의 레코드)만 읽습니다. 중단된 것은 건너뜁니다.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // 오프셋은 컨슈머가 아니라 프로듀서의 트랜잭션(sendOffsetsToTransaction)이 커밋합니다.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // 새 그룹은 토픽의 끝이 아니라 첫 주문부터 시작합니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // committed(), position(), close() 는 60초가 아니라 15초 뒤에 포기합니다.
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
