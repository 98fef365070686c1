package kafkacourse.lab10;

/**
 * 주문 서비스: 주문을 바꾸는 명령마다 주문 행과 outbox 행을 <b>한 DB 트랜잭션</b>으로 씁니다. Kafka 는 모릅니다.
 * 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public class OrderService implements AutoCloseable {

    private static final String OUTBOX_INSERT =
            "INSERT INTO outbox(event_id, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?)";

    private final DbSession db;

    public OrderService(DbSession db) {
        this.db = db;
    }

    /** 새 주문(상태 CREATED)과 그 ORDER_CREATED 이벤트. */
    public void placeOrder(String orderId, long amount) {
        OrderEvent event = OrderEvent.created(orderId, amount);
        db.run(tx -> {
            tx.update("INSERT INTO orders(order_id, amount, status) VALUES (?, ?, ?)", orderId, amount, event.status());
            tx.update(OUTBOX_INSERT, event.eventId(), orderId, event.type(), event.toJson());
        });
    }

    /** CREATED → PAID 와 ORDER_PAID 이벤트. 그런 주문이 없으면 IllegalStateException. */
    public void pay(String orderId) {
        changeStatus(OrderEvent.paid(orderId), "CREATED");
    }

    /** PAID → SHIPPED 와 ORDER_SHIPPED 이벤트. 그런 주문이 없으면 IllegalStateException. */
    public void ship(String orderId) {
        changeStatus(OrderEvent.shipped(orderId), "PAID");
    }

    private void changeStatus(OrderEvent event, String from) {
        db.run(tx -> {
            int changed = tx.update("UPDATE orders SET status = ? WHERE order_id = ? AND status = ?", event.status(), event.orderId(), from);
            if (changed == 0) {
                throw new IllegalStateException("주문 %s 이(가) 없거나 %s 상태가 아닙니다".formatted(event.orderId(), from));
            }
            tx.update(OUTBOX_INSERT, event.eventId(), event.orderId(), event.type(), event.toJson());
        });
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
