package kafkacourse.lab08;

/** 주문 알림을 처리하는 일(주어진 코드). 테스트가 실패·독 메시지를 흉내 내는 처리기를 넣습니다. */
@FunctionalInterface
public interface OrderHandler {
    Outcome handle(Delivery delivery);
}
