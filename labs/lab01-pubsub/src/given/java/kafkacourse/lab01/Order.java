package kafkacourse.lab01;

/** 쇼핑몰에 들어온 주문 하나 (주어진 코드: 여기서 할 일은 없습니다). */
public record Order(String orderId, String userId, long amount) {

    /** 이벤트 내용(JSON). 예: {@code {"eventType":"ORDER_CREATED","orderId":"o-1",...}}. */
    public String toCreatedEventJson() {
        return "{\"eventType\":\"ORDER_CREATED\",\"orderId\":\"%s\",\"userId\":\"%s\",\"amount\":%d}"
                .formatted(orderId, userId, amount);
    }
}
