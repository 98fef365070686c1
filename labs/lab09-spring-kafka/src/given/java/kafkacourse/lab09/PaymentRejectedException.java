package kafkacourse.lab09;

/**
 * 업무 규칙 위반(주어진 코드): 금액이 0 이하인 주문은 결제할 수 없습니다. 몇 번을 다시 시도해도 결과가 같으므로
 * 재시도할 가치가 없는 오류입니다(과제 4: 재시도하지 않고 곧바로 DLT 로).
 */
public class PaymentRejectedException extends RuntimeException {

    public PaymentRejectedException(String message) {
        super(message);
    }
}
