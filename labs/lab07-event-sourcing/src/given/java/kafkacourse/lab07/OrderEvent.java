package kafkacourse.lab07;

/**
 * Something that happened to an order, written by the order service (the command side) (given). Key = order id,
 * value = {@link #toValue()}, e.g. {@code ITEM_ADDED 12000}.
 */
public record OrderEvent(String orderId, Type type, long amount) {

    public enum Type { PLACED, ITEM_ADDED, PAID, SHIPPED, CANCELLED }

    public String toValue() {
        return type + " " + amount;
    }

    public static OrderEvent parse(String key, String value) {
        String[] parts = value.split(" ");
        return new OrderEvent(key, Type.valueOf(parts[0]), Long.parseLong(parts[1]));
    }
}
