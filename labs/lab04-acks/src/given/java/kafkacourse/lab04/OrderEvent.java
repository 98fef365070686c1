package kafkacourse.lab04;

/** One order event to send: the key (order id) and the value (event JSON). Given; nothing to do here. */
public record OrderEvent(String key, String value) {

    public static OrderEvent of(String orderId) {
        return new OrderEvent(orderId, "{\"eventType\":\"ORDER_CREATED\",\"orderId\":\"" + orderId + "\"}");
    }
}
