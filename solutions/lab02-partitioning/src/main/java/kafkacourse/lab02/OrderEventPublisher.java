package kafkacourse.lab02;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 주문 이벤트를 발행하되, 한 주문의 이벤트는 모두 순서를 지키게 합니다.
 * 과제 설명: README.ko.md 의 "2. 같은 주문의 이벤트는 순서대로", 막히면 HINTS.ko.md#2.
 */
public class OrderEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventPublisher(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 프로듀서 설정 (주어진 코드). */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // 멱등성은 Kafka 3.0부터 기본으로 켜져 있습니다. 재시도한 배치가 뒤의 배치를 앞지를 수 없으므로
        // 보낸 순서가 곧 파티션 안의 순서입니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /** 과제 2: 모든 이벤트를 목록 순서대로 보내, 한 주문의 이벤트가 한 파티션에 순서대로 쌓이게 합니다. */
    public List<RecordMetadata> publishAll(List<OrderEvent> events) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (OrderEvent event : events) {
            // 키가 파티션을 정합니다. 주문 ID 를 키로 쓰면 한 주문의 이벤트가 한곳에 모입니다.
            pending.add(producer.send(new ProducerRecord<>(topic, event.orderId(), event.toJson())));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> f : pending) {
            try {
                written.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("발행하다가 중단되었습니다", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("발행에 실패했습니다", e.getCause());
            }
        }
        return written;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
