package kafkacourse.lab10;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 주문 이벤트(주어진 코드). 값은 JSON 한 줄, 예: {@code {"eventId":"…","type":"ORDER_CREATED","orderId":"order-1","amount":1000}}.
 * {@code eventId} 는 이벤트를 만들 때 한 번 정해지고, 몇 번을 다시 보내도 같습니다: 받는 쪽이 중복을 알아보는 열쇠입니다.
 */
public record OrderEvent(UUID eventId, String type, String orderId, long amount) {

    public static final String CREATED = "ORDER_CREATED";
    public static final String PAID = "ORDER_PAID";
    public static final String SHIPPED = "ORDER_SHIPPED";

    /** 한 주문의 이벤트가 일어나는 순서. */
    public static final List<String> LIFECYCLE = List.of(CREATED, PAID, SHIPPED);

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)\"?");

    public static OrderEvent created(String orderId, long amount) {
        return new OrderEvent(UUID.randomUUID(), CREATED, orderId, amount);
    }

    public static OrderEvent paid(String orderId) {
        return new OrderEvent(UUID.randomUUID(), PAID, orderId, 0);
    }

    public static OrderEvent shipped(String orderId) {
        return new OrderEvent(UUID.randomUUID(), SHIPPED, orderId, 0);
    }

    /** 이 이벤트가 만드는 주문 상태: ORDER_CREATED → CREATED, ORDER_PAID → PAID, ORDER_SHIPPED → SHIPPED. */
    public String status() {
        return type.substring("ORDER_".length());
    }

    public String toJson() {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"orderId\":\"%s\",\"amount\":%d}".formatted(eventId, type, orderId, amount);
    }

    /** {@link #toJson()} 의 반대. 모양이 다르면 IllegalArgumentException. */
    public static OrderEvent parse(String json) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(json == null ? "" : json);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        if (!fields.keySet().containsAll(List.of("eventId", "type", "orderId", "amount"))) {
            throw new IllegalArgumentException("주문 이벤트 JSON 이 아닙니다: " + json);
        }
        return new OrderEvent(UUID.fromString(fields.get("eventId")), fields.get("type"), fields.get("orderId"),
                Long.parseLong(fields.get("amount")));
    }
}
