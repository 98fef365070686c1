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
        // TODO 3-1: 어떤 필드를 키로 삼아야 한 주문의 순서가 지켜지고 부하도 퍼질까요? (Order 의 필드를 보세요)
        throw new UnsupportedOperationException("TODO 3-1: keyOf 에서 레코드 키를 정하세요.");
    }

    /** 주문 스트림 토픽의 파티션 수. */
    public static int partitions() {
        // TODO 3-2: 파티션 수를 정하세요. 브로커는 3대이고, 이 스트림을 읽을 컨슈머를 나중에 늘릴 수 있어야 합니다.
        throw new UnsupportedOperationException("TODO 3-2: partitions 에서 토픽의 파티션 수를 정하세요.");
    }
}
