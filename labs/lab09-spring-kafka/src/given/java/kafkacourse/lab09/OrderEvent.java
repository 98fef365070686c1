package kafkacourse.lab09;

/**
 * 토픽에 JSON 으로 오가는 주문 이벤트(주어진 코드). 원본 문서 5.1 의 {@code OrderEvent(eventType, orderId, userId)} 에
 * 금액과 순번({@code seq}: 같은 주문 안에서 1, 2, 3, …)을 더했습니다. 순번으로 "같은 키의 순서가 지켜졌는가"를 봅니다.
 * <pre>{"eventType":"ORDER_CREATED","orderId":"order-1","customerId":"customer-7","amount":12000,"seq":1}</pre>
 */
public record OrderEvent(String eventType, String orderId, String customerId, long amount, int seq) {

    public static final String ORDER_CREATED = "ORDER_CREATED";

    /** 주문이 만들어졌다는 첫 이벤트(순번 1). */
    public static OrderEvent created(Order order) {
        return new OrderEvent(ORDER_CREATED, order.id(), order.customerId(), order.amount(), 1);
    }
}
