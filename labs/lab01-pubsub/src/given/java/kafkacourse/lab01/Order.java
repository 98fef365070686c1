package kafkacourse.lab01;

/** An order placed in the shop (given; nothing to do here). */
public record Order(String orderId, String userId, long amount) {

    /** The event payload as JSON, e.g. {@code {"eventType":"ORDER_CREATED","orderId":"o-1",...}}. */
    public String toCreatedEventJson() {
        return "{\"eventType\":\"ORDER_CREATED\",\"orderId\":\"%s\",\"userId\":\"%s\",\"amount\":%d}"
                .formatted(orderId, userId, amount);
    }
}
