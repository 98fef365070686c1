package kafkacourse.lab01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** 컨슈머 그룹의 멤버 하나로 주문 이벤트를 읽습니다. 원본 문서의 OrderEventConsumer 를 순수 kafka-clients 로 옮긴 것입니다. */
public class OrderEventConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    /** 과제 2-1: 컨슈머를 만들고 토픽을 구독합니다. */
    public OrderEventConsumer(Properties cluster, String topic, String groupId) {
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /** 과제 3: 컨슈머 설정. 그룹, 키와 값을 읽는 방법, 새 그룹이 어디서부터 읽을지. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // 커밋된 오프셋이 없는 그룹은 가장 오래된 레코드부터 읽습니다. 그래서 그룹이 생기기 전에 발행된 것도 놓치지 않습니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** 과제 2-2: 레코드가 {@code count} 건 이상 오거나 {@code timeout} 이 지날 때까지 poll 하고, 받은 것을 돌려줍니다. */
    public List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received;
    }

    /** 그룹에서 나갑니다. 자동 커밋이 켜져 있으면 그 전에 그룹의 위치를 커밋합니다. */
    @Override
    public void close() {
        consumer.close();
    }
}
