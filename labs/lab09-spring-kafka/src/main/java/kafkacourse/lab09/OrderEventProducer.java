package kafkacourse.lab09;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * 과제 2: 원본 문서 5.1 의 {@code OrderEventProducer}. 과제 설명: README.ko.md 의 "2.", 막히면 HINTS.ko.md#2.
 */
@Service
public class OrderEventProducer {

    /** 보낸 결과를 기다리는 최대 시간. delivery.timeout.ms(10초)보다 조금 길게. */
    static final long SEND_TIMEOUT_SECONDS = 15;

    private final KafkaTemplate<String, OrderEvent> kafkaTemplate;
    private final String topic;

    public OrderEventProducer(KafkaTemplate<String, OrderEvent> kafkaTemplate, @Value("${lab09.topics.orders}") String topic) {
        this.kafkaTemplate = kafkaTemplate;
        this.topic = topic;
    }

    /**
     * 주문 생성 이벤트를 보내고, 브로커가 받았다고 답할 때까지 기다립니다.
     *
     * @return 브로커가 기록한 위치(파티션, 오프셋)가 담긴 결과
     * @throws OrderPublishException 브로커에 쓰지 못했을 때
     */
    public SendResult<String, OrderEvent> publishOrderCreated(Order order) {
        // TODO 2: OrderEvent.created(order) 를 kafkaTemplate 으로 topic 에 보내세요. key 는 어떤 값이어야 같은 주문의
        //         이벤트가 한 파티션에 모일까요? send(...) 가 돌려주는 CompletableFuture 의 결과를 SEND_TIMEOUT_SECONDS 안에
        //         기다려 돌려주고, 실패(ExecutionException, TimeoutException, KafkaException, 인터럽트)는
        //         new OrderPublishException(order.id(), 원인) 으로 던지세요. 실패를 삼키면 호출한 쪽은 주문이 사라진 줄 모릅니다.
        throw new UnsupportedOperationException("TODO 2: OrderEventProducer.publishOrderCreated 에서 KafkaTemplate 으로 보내고 결과를 기다리세요.");
    }
}
