package kafkacourse.lab11;

/**
 * 주문 스트림 토픽을 어떻게 나눌지: 레코드 키와 파티션 수.
 * 조건 두 가지: 한 주문의 이벤트(생성 → 결제 → 출고)는 보낸 순서대로 읽혀야 하고, 부하는 파티션들에 고르게 퍼져야 합니다.
 * 과제 설명: README.ko.md 의 "3. 순서를 지키면서 부하를 퍼뜨리는 키", 막히면 HINTS.ko.md#3.
 */
public final class OrderPartitioning {

    private OrderPartitioning() {
    }

    /** 이 이벤트를 보낼 때 쓸 레코드 키. */
    public static String keyOf(Order order) {
        // 과제 3: 순서가 필요한 단위는 주문 하나입니다. 주문 번호는 종류가 많아 해시가 고르게 퍼집니다.
        //         (고객·지역은 몇 개 값에 몰려 한 파티션이 뜨거워지고, null 키는 한 주문의 이벤트를 흩어 놓습니다.)
        return order.orderId();
    }

    /** 주문 스트림 토픽의 파티션 수. */
    public static int partitions() {
        // 과제 3: 브로커 3대에 리더가 고르게 놓이고, 컨슈머를 6개까지 늘릴 수 있도록 6개.
        return 6;
    }
}
