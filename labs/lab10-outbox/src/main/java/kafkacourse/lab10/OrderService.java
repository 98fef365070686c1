package kafkacourse.lab10;

/**
 * 주문 서비스: 주문을 바꾸는 명령마다 주문 행과 outbox 행을 <b>한 DB 트랜잭션</b>으로 씁니다. Kafka 는 모릅니다.
 * 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public class OrderService implements AutoCloseable {

    private final DbSession db;

    public OrderService(DbSession db) {
        this.db = db;
    }

    /** 새 주문(상태 CREATED)과 그 ORDER_CREATED 이벤트. */
    public void placeOrder(String orderId, long amount) {
        // TODO 1-1: OrderEvent.created(orderId, amount) 로 이벤트를 만들고, db.run(tx -> { ... }) 한 번(= DB 트랜잭션 하나) 안에서
        //           orders 에 (order_id, amount, status = event.status()) 행을, outbox 에 (event_id, aggregate_id, event_type, payload)
        //           = (event.eventId(), orderId, event.type(), event.toJson()) 행을 쓰세요. 둘이 따로 커밋되면 안 됩니다.
        throw new UnsupportedOperationException("TODO 1-1: placeOrder 에서 주문 행과 outbox 행을 한 트랜잭션으로 쓰세요.");
    }

    /** CREATED → PAID 와 ORDER_PAID 이벤트. 그런 주문이 없으면 IllegalStateException. */
    public void pay(String orderId) {
        // TODO 1-2: 한 트랜잭션 안에서 "UPDATE orders SET status = 'PAID' WHERE order_id = ? AND status = 'CREATED'" 를 하고,
        //           바뀐 행이 0 이면 IllegalStateException 을 던지세요(트랜잭션은 롤백됩니다). 바뀌었으면 OrderEvent.paid(orderId) 를
        //           outbox 에 쓰세요.
        throw new UnsupportedOperationException("TODO 1-2: pay 에서 상태 변경과 outbox 행을 한 트랜잭션으로 쓰세요.");
    }

    /** PAID → SHIPPED 와 ORDER_SHIPPED 이벤트. 그런 주문이 없으면 IllegalStateException. */
    public void ship(String orderId) {
        // TODO 1-3: pay 와 같게, PAID → SHIPPED 와 OrderEvent.shipped(orderId).
        throw new UnsupportedOperationException("TODO 1-3: ship 에서 상태 변경과 outbox 행을 한 트랜잭션으로 쓰세요.");
    }

    /** 장애 흉내(주어진 코드): 커밋하지 않은 것은 DB 가 버립니다. */
    public void crash() {
        db.crash();
    }

    @Override
    public void close() {
        db.close();
    }
}
