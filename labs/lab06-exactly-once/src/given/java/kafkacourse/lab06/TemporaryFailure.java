package kafkacourse.lab06;

/**
 * 다시 하면 사라지는 실패. 예: 결제 게이트웨이의 시간 초과 (주어진 코드). {@link OrderHandler} 가 던지며,
 * 처리기는 트랜잭션을 중단(abort)하고 같은 주문을 다시 처리해야 합니다.
 */
public class TemporaryFailure extends RuntimeException {

    public TemporaryFailure(String message) {
        super(message);
    }
}
