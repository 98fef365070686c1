package kafkacourse.lab07;

/**
 * 주문 서비스(명령 쪽)가 기록한, 주문에 일어난 일 하나 (주어진 코드). 키 = 주문 ID, 값 = {@link #toValue()}.
 * 예: {@code ITEM_ADDED 12000}.
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
