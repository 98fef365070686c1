package kafkacourse.lab09;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;
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
        OrderEvent event = OrderEvent.created(order);
        try {
            // key = 주문 ID: 같은 주문의 이벤트는 같은 파티션으로 가서 순서가 지켜집니다.
            return kafkaTemplate.send(topic, order.id(), event).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderPublishException(order.id(), e);
        } catch (ExecutionException e) {
            throw new OrderPublishException(order.id(), e.getCause());
        } catch (TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
            throw new OrderPublishException(order.id(), e);
        }
    }
}
