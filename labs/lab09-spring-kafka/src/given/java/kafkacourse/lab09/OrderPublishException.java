package kafkacourse.lab09;

/** 주문 이벤트를 브로커에 쓰지 못했을 때(주어진 코드). 호출한 쪽이 실패를 알아야 재시도하거나 사용자에게 알릴 수 있습니다. */
public class OrderPublishException extends RuntimeException {

    public OrderPublishException(String orderId, Throwable cause) {
        super("주문 " + orderId + " 의 이벤트를 Kafka 에 쓰지 못했습니다: " + cause, cause);
    }
}
