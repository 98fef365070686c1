package kafkacourse.lab09;

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

    // TODO 3-1: 이 메서드에 @KafkaListener 를 붙이세요. 토픽은 "${lab09.topics.orders}", 그룹은 "${lab09.group-id}"
    //           (속성 자리표시자 그대로), 파티션 3개를 동시에 처리하도록 concurrency 를 정하세요. clientIdPrefix = "payment" 권장.
    public void onOrderEvent(OrderEvent event) {
        // TODO 3-2: paymentService.process(event) 로 결제하세요. 예외를 잡아 삼키지 마세요(과제 4의 오류 처리기가 받아야 합니다).
        throw new UnsupportedOperationException("TODO 3: PaymentListener.onOrderEvent 에서 paymentService.process(event) 를 부르세요.");
    }
}
