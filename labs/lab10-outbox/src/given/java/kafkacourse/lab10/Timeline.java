package kafkacourse.lab10;

/**
 * 받는 쪽의 업무(주어진 코드): 주문 이력에 이벤트 한 줄을 덧붙입니다. 멱등이 아닙니다 — 같은 이벤트로 두 번 부르면 두 줄이
 * 됩니다(포인트 적립, 메일 발송처럼). 그래서 중복 제거가 필요합니다.
 */
public final class Timeline {

    private Timeline() {
    }

    public static void append(Tx tx, OrderEvent event) {
        tx.update("INSERT INTO order_timeline(order_id, event_id, event_type) VALUES (?, ?, ?)",
                event.orderId(), event.eventId(), event.type());
    }
}
