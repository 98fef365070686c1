package kafkacourse.lab04;

/** 보낼 주문 이벤트 하나: 키(주문 ID)와 값(이벤트 JSON). 주어진 코드이며 여기서 할 일은 없습니다. */
public record OrderEvent(String key, String value) {

    public static OrderEvent of(String orderId) {
        return new OrderEvent(orderId, "{\"eventType\":\"ORDER_CREATED\",\"orderId\":\"" + orderId + "\"}");
    }
}
