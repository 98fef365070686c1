package kafkacourse.lab08;

/**
 * 작업자에게 온 주문 알림 한 건(주어진 코드).
 *
 * @param deliveryCount 이 메시지가 몇 번째로 배달되었는지 (처음이면 1, 다시 온 것이면 2 이상)
 */
public record Delivery(OrderEvent order, int deliveryCount) {
}
