package kafkacourse.lab03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * 컨슈머 그룹의 한 멤버로서 주문 레코드를 처리하고, 처리한 것만 커밋합니다.
 * 과제 설명: README.ko.md 의 "1. 컨슈머 그룹과 파티션 할당", "2. 처리한 뒤에 커밋하기", 막히면 HINTS.ko.md#1, #2.
 */
public class OrderWorker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public OrderWorker(Properties cluster, String topic, String groupId) {
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /** 이 실습의 모든 컨슈머가 함께 쓰는 설정 (주어짐). */
    static Properties baseConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // 클래식 그룹 프로토콜 (Kafka 4.x 의 기본값. 새 KIP-848 프로토콜은 group.protocol=consumer).
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // 멤버는 하트비트로 리밸런스 소식을 듣습니다. 3초 대신 200 ms 마다 보내 실습의 리밸런스가 1초 남짓에 끝나게 합니다.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200");
        return p;
    }

    /** 그룹 멤버의 설정. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        // TODO 1-1: baseConfig(cluster) 에서 시작해 다음을 더하세요.
        //           - group.id: 같은 값을 쓰는 멤버들이 한 그룹이 되어 파티션을 나눠 갖습니다.
        //           - enable.auto.commit: 처리한 뒤 우리가 직접 커밋하므로 자동 커밋은 끕니다.
        //           - auto.offset.reset: 커밋된 오프셋이 없는 새 그룹은 가장 오래된 레코드부터 읽게 합니다.
        throw new UnsupportedOperationException("TODO 1-1: consumerConfig 에 group.id, 자동 커밋 끄기, auto.offset.reset 을 채우세요.");
    }

    /** 그룹이 지금 이 멤버에게 맡긴 파티션들. */
    public Set<TopicPartition> assignment() {
        // TODO 1-2: 컨슈머가 지금 할당받은 파티션을 (바뀌지 않는 복사본으로) 돌려주세요.
        throw new UnsupportedOperationException("TODO 1-2: assignment 에서 컨슈머가 할당받은 파티션을 돌려주세요.");
    }

    /** poll 한 번 (주어짐). 그룹 참여, 하트비트, 리밸런스도 poll 안에서 진행됩니다. */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    /**
     * 한 번 poll 해서 받은 레코드를 모두 {@code handler} 로 처리하고, 그다음에 커밋합니다. 처리한 레코드 수를 돌려줍니다.
     * handler 가 예외를 던지면 커밋하지 말고 그대로 밖으로 던지세요 (프로세스가 죽은 것과 같습니다).
     */
    public int processOnce(Duration timeout, RecordHandler handler) {
        // TODO 2: consumer.poll(timeout) 으로 받은 레코드를 하나씩 handler.handle(record) 로 처리한 뒤,
        //         받은 것이 있으면 consumer.commitSync() 로 커밋하세요. 순서가 중요합니다: 처리 → 커밋.
        throw new UnsupportedOperationException("TODO 2: processOnce 에서 레코드를 처리한 뒤에 커밋하세요.");
    }

    /** 커밋하지 않고 그룹을 떠납니다 (주어짐). 커밋과 커밋 사이에 멈추거나 죽은 워커와 같습니다. */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
