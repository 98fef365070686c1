package kafkacourse.lab08;

/** 주문 알림 한 건(주어진 코드): 주문 번호와 사건(created, paid, shipped ...). */
public record OrderEvent(String orderId, String event) {

    /** RabbitMQ 메시지 본문: {@code "<주문 번호>:<사건>"}. */
    public String body() {
        return orderId + ":" + event;
    }

    public static OrderEvent fromBody(String body) {
        int colon = body.indexOf(':');
        return new OrderEvent(body.substring(0, colon), body.substring(colon + 1));
    }
}
