package kafkacourse.lab09;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * 리스너 컨테이너가 실제로 만든 KafkaConsumer 의 설정을 엿보는 인터셉터(테스트가 interceptor.classes 로 넣음).
 * Spring 이 ConsumerFactory 설정 위에 덧씌우는 값(예: enable.auto.commit=false)까지 보입니다.
 */
public class ConsumerConfigSpy implements ConsumerInterceptor<Object, Object> {

    /** client.id → 그 컨슈머가 만들어질 때 받은 설정. */
    static final Map<String, Map<String, Object>> CONFIGS = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs) {
        CONFIGS.put(String.valueOf(configs.get(ConsumerConfig.CLIENT_ID_CONFIG)), new java.util.HashMap<>(configs));
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
