package kafkacourse.lab09;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 과제 3: 원본 문서 5.1 의 {@code OrderEventConsumer}. 과제 설명: README.ko.md 의 "3.", 막히면 HINTS.ko.md#3.
 */
@Component
public class PaymentListener {

    private final PaymentService paymentService;

    public PaymentListener(PaymentService paymentService) {
        this.paymentService = paymentService;
    }

    // 컨테이너 스레드 3개 = 그룹의 컨슈머 3명. 파티션 3개를 하나씩 맡습니다.
    @KafkaListener(topics = "${lab09.topics.orders}", groupId = "${lab09.group-id}", concurrency = "3", clientIdPrefix = "payment")
    public void onOrderEvent(OrderEvent event) {
        // 예외를 삼키지 않습니다: 던지면 컨테이너의 오류 처리기(과제 4)가 재시도하거나 DLT 로 보냅니다.
        paymentService.process(event);
    }
}
