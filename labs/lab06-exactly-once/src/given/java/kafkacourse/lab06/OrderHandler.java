package kafkacourse.lab06;

/**
 * 주문 하나를 결제 이벤트로 바꿉니다 (주어진 코드: 여기서 할 일은 없습니다). 테스트는 자기 처리기를 넘겨서
 * 정해 둔 레코드에서 처리가 실패하거나 "죽게" 만듭니다.
 */
@FunctionalInterface
public interface OrderHandler {

    /** 실제 업무 단계: 주문 {@code {"orderId":..,"amount":..}} 이 결제 이벤트가 됩니다. */
    OrderHandler PAYMENTS = (orderId, orderJson) ->
            "{\"eventType\":\"PAYMENT_COMPLETED\",\"orderId\":\"%s\",\"order\":%s}".formatted(orderId, orderJson);

    /** 이 키와 값을 가진 주문의 결제 이벤트(JSON 문자열). */
    String toPayment(String orderId, String orderJson);
}
