package kafkacourse.lab05;

/** 브로커가 확인(ack)하지 않은 전송. 이 예외를 받은 레코드는 저장되었다고 믿으면 안 됩니다. 주어진 코드입니다. */
public class OrderNotStoredException extends RuntimeException {

    private final String key;

    public OrderNotStoredException(String key, Throwable cause) {
        super("주문 " + key + " 이(가) 확인되지 않았습니다: " + cause, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
