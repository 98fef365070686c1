package kafkacourse.lab09;

/**
 * 결제 대행사 호출 실패(주어진 코드): 일시적일 수 있는 오류라서 몇 번 다시 시도해 볼 만합니다. 계속 실패하면
 * 그 레코드는 DLT 로 보내고 다음 레코드로 넘어가야 합니다(과제 4).
 */
public class PaymentGatewayException extends RuntimeException {

    public PaymentGatewayException(String message) {
        super(message);
    }
}
