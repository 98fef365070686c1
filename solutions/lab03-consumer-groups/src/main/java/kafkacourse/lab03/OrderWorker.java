package kafkacourse.lab03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * 주문 레코드를 처리하고 처리한 것만 커밋하는 컨슈머 그룹의 멤버 하나.
 * 과제 설명: README.ko.md 의 "1. 컨슈머 그룹과 파티션 할당", "2. 처리한 뒤에 커밋하기", 막히면 HINTS.ko.md#1, #2.
 */
public class OrderWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public OrderWorker(Properties cluster, String topic, String groupId) {
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /** 이 실습의 모든 컨슈머가 함께 쓰는 설정 (주어진 코드). */
    static Properties baseConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // 클래식 그룹 프로토콜 (Kafka 4.x 기본값. 새 KIP-848 프로토콜은 group.protocol=consumer).
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // 멤버는 하트비트로 리밸런스 소식을 듣습니다. 3초가 아니라 200ms마다 보내서
        // 실습의 리밸런스가 1초쯤에 끝나게 합니다.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200");
        return p;
    }

    /** 과제 1-1: 그룹 멤버의 설정. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = baseConfig(cluster);
        // group.id 가 같은 멤버들이 토픽의 파티션을 나눠 맡습니다.
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // 처리한 뒤 직접 커밋합니다(최소 한 번). 자동 커밋은 처리하지 않은 것까지 커밋할 수 있습니다.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // 커밋된 오프셋이 없는 그룹은 가장 오래된 레코드부터 읽습니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** 과제 1-2: 그룹이 지금 이 멤버에게 맡긴 파티션들. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(consumer.assignment());
    }

    /** poll 한 번 (주어진 코드). 멤버가 그룹에 참여하는 방법(가입, 하트비트, 리밸런스)이기도 합니다. */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    /** 과제 2: 한 번 poll 하고, 모든 레코드를 처리한 뒤 커밋합니다. 처리한 레코드 수를 돌려줍니다. */
    public int processOnce(Duration timeout, RecordHandler handler) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        for (ConsumerRecord<String, String> record : records) {
            // 처리기가 예외를 던지면 커밋 전에 빠져나갑니다. 그 배치는 다시 전달됩니다(최소 한 번).
            handler.handle(record);
        }
        if (!records.isEmpty()) {
            // 이번 poll 의 마지막 레코드 다음 위치, 즉 파티션마다 오프셋 + 1 을 커밋합니다.
            consumer.commitSync();
        }
        return records.count();
    }

    /** 커밋하지 않고 그룹에서 나갑니다 (주어진 코드). 커밋과 커밋 사이에 멈추거나 죽은 워커와 같습니다. */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
