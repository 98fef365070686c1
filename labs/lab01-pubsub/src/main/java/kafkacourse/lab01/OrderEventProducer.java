package kafkacourse.lab01;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * 주문 생성 이벤트를 토픽에 발행합니다. 원본 문서 5.1의 OrderEventProducer(Kotlin/Spring)를 순수 kafka-clients로 옮긴 것입니다.
 * 과제 설명: README.ko.md 의 "1. 주문 이벤트 발행", 막히면 HINTS.ko.md#1.
 */
public class OrderEventProducer implements AutoCloseable {

    /** 이벤트 종류를 알려 주는 헤더 이름. 컨슈머는 값(JSON)을 파싱하지 않고도 종류를 알 수 있습니다. */
    public static final String EVENT_TYPE_HEADER = "eventType";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventProducer(Properties cluster, String topic) {
        // TODO 1-1: producerConfig(cluster) 로 KafkaProducer<String, String> 를 만들어 필드에 담으세요.
        throw new UnsupportedOperationException("TODO 1-1: OrderEventProducer 생성자에서 KafkaProducer 를 만드세요.");
    }

    /**
     * 프로듀서 설정. {@code cluster} 에는 bootstrap.servers 가 들어 있습니다.
     */
    static Properties producerConfig(Properties cluster) {
        // TODO 1-1: cluster 의 설정을 모두 복사하고, 키와 값의 직렬화 클래스(StringSerializer)를 지정하세요.
        throw new UnsupportedOperationException("TODO 1-1: producerConfig 에 키/값 직렬화 설정을 채우세요.");
    }

    /**
     * 주문 생성 이벤트를 보내고, 브로커가 기록한 위치(토픽·파티션·오프셋)를 돌려줍니다.
     */
    public RecordMetadata publishOrderCreated(Order order) {
        // TODO 1-2: 키 = 주문 ID, 값 = order.toCreatedEventJson() 인 ProducerRecord 를 만들고,
        //           헤더 EVENT_TYPE_HEADER = "ORDER_CREATED" 를 붙여 보낸 뒤, 브로커의 응답(RecordMetadata)을 기다려 돌려주세요.
        throw new UnsupportedOperationException("TODO 1-2: publishOrderCreated 에서 이벤트를 보내고 RecordMetadata 를 돌려주세요.");
    }

    @Override
    public void close() {
        // 생성자가 끝나지 못했다면 닫을 프로듀서가 없습니다.
        if (producer != null) {
            producer.close();
        }
    }
}
