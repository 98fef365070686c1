package kafkacourse.lab07;

/**
 * The query side's view of one order (given; nothing to do here): what an "my orders" page shows, without joining
 * anything. Key = order id, value = {@link #toValue()}, e.g. {@code PAID 2 30000}.
 */
public record OrderSummary(String orderId, String status, int itemCount, long total) {

    public static OrderSummary empty(String orderId) {
        return new OrderSummary(orderId, "NEW", 0, 0);
    }

    public OrderSummary apply(OrderEvent event) {
        return switch (event.type()) {
            case PLACED -> new OrderSummary(orderId, "PLACED", 1, event.amount());
            case ITEM_ADDED -> new OrderSummary(orderId, status, itemCount + 1, total + event.amount());
            case PAID -> new OrderSummary(orderId, "PAID", itemCount, total);
            case SHIPPED -> new OrderSummary(orderId, "SHIPPED", itemCount, total);
            case CANCELLED -> new OrderSummary(orderId, "CANCELLED", itemCount, total);
        };
    }

    public String toValue() {
        return status + " " + itemCount + " " + total;
    }

    public static OrderSummary parse(String key, String value) {
        String[] parts = value.split(" ");
        return new OrderSummary(key, parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }
}
