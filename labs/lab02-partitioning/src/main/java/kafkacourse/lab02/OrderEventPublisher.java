package kafkacourse.lab02;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 한 주문의 이벤트들이 순서를 지키도록 주문 이벤트를 발행합니다.
 * 과제 설명: README.ko.md 의 "2. 같은 주문의 이벤트는 순서대로", 막히면 HINTS.ko.md#2.
 */
public class OrderEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventPublisher(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 프로듀서 설정 (주어짐). */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // 멱등성(idempotence)은 Kafka 3.0부터 기본으로 켜져 있습니다. 재시도된 배치가 뒤에 보낸 배치를 앞지르지 못하므로
        // 보낸 순서가 곧 파티션 안의 순서입니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /**
     * {@code events} 를 목록 순서대로 모두 보내고, 브로커가 기록한 위치(RecordMetadata)를 보낸 순서대로 돌려줍니다.
     */
    public List<RecordMetadata> publishAll(List<OrderEvent> events) {
        // TODO 2: 이벤트마다 ProducerRecord(토픽, 키, event.toJson()) 를 만들어 보내세요.
        //         같은 주문의 이벤트가 한 파티션에 모여야 보낸 순서대로 읽힙니다 — 무엇을 키로 삼아야 할까요?
        //         send(...) 가 돌려주는 Future 를 모아 두었다가 flush() 한 뒤, 각각 get() 해서 목록으로 돌려주세요.
        throw new UnsupportedOperationException("TODO 2: publishAll 이 아직 이벤트를 보내지 않습니다. 어떤 키로 보낼지 정해 보내고 RecordMetadata 를 모아 돌려주세요 (막히면 HINTS.ko.md#2).");
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
