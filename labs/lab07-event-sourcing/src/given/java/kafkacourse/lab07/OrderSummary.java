package kafkacourse.lab07;

/**
 * 조회 쪽이 보는 주문 하나 (주어진 코드: 여기서 할 일은 없습니다). "내 주문" 화면이 아무것도 조인하지 않고 보여 주는
 * 내용입니다. 키 = 주문 ID, 값 = {@link #toValue()}. 예: {@code PAID 2 30000}.
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
