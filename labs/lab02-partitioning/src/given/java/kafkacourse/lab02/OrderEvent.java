package kafkacourse.lab02;

/**
 * One step in the life of an order (given; nothing to do here): {@code sequence} 1, 2, 3, ... in the order the
 * steps happened, e.g. 1 CREATED, 2 PAID, 3 SHIPPED.
 */
public record OrderEvent(String orderId, int sequence, String status) {

    /** The event payload as JSON, e.g. {@code {"orderId":"o-1","sequence":2,"status":"PAID"}}. */
    public String toJson() {
        return "{\"orderId\":\"%s\",\"sequence\":%d,\"status\":\"%s\"}".formatted(orderId, sequence, status);
    }
}
