package kafkacourse.lab02;

/**
 * 주문 하나가 거치는 단계 하나 (주어진 코드: 여기서 할 일은 없습니다). {@code sequence} 는 단계가 일어난 순서대로
 * 1, 2, 3, ... 입니다. 예: 1 CREATED, 2 PAID, 3 SHIPPED.
 */
public record OrderEvent(String orderId, int sequence, String status) {

    /** 이벤트 내용(JSON). 예: {@code {"orderId":"o-1","sequence":2,"status":"PAID"}}. */
    public String toJson() {
        return "{\"orderId\":\"%s\",\"sequence\":%d,\"status\":\"%s\"}".formatted(orderId, sequence, status);
    }
}
