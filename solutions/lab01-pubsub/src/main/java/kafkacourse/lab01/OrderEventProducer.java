package kafkacourse.lab01;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** "주문 생성" 이벤트를 토픽에 발행합니다. 원본 문서의 OrderEventProducer 를 순수 kafka-clients 로 옮긴 것입니다. */
public class OrderEventProducer implements AutoCloseable {

    /** 이벤트 종류를 알려 주는 헤더 이름. 컨슈머는 값(JSON)을 파싱하지 않고도 종류를 알 수 있습니다. */
    public static final String EVENT_TYPE_HEADER = "eventType";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventProducer(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 과제 1-1: 프로듀서 설정. */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        // 키와 값은 문자열입니다: 주문 ID 와 이벤트 JSON.
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** 과제 1-2: 주문 ID 를 키로, eventType 헤더를 붙여 이벤트를 보내고 브로커의 응답을 기다립니다. */
    public RecordMetadata publishOrderCreated(Order order) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, order.orderId(), order.toCreatedEventJson());
        record.headers().add(EVENT_TYPE_HEADER, "ORDER_CREATED".getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(order.orderId() + " 을(를) 발행하다가 중단되었습니다", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(order.orderId() + " 발행에 실패했습니다", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
