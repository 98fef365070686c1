package kafkacourse.lab09;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Service;

/**
 * 결제 처리(주어진 코드, 원본 문서의 {@code processPayment}). 실제 결제 대신, 처리한 이벤트와 시도 횟수를 기록해
 * 테스트와 노트북이 "무엇이 몇 번, 어떤 스레드에서, 어떤 순서로 처리됐는가"를 볼 수 있게 합니다.
 * <ul>
 *   <li>금액이 0 이하 → {@link PaymentRejectedException} (업무 규칙 위반: 재시도해도 소용없음)</li>
 *   <li>{@link #gatewayDown(boolean)} 으로 대행사 장애를 켜면 → 모든 이벤트에 {@link PaymentGatewayException}</li>
 * </ul>
 */
@Service
public class PaymentService {

    /** 처리에 성공한 이벤트 한 건과 그것을 처리한 리스너 스레드. */
    public record Payment(OrderEvent event, String thread) {
    }

    private final List<Payment> payments = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile boolean gatewayDown;

    public void process(OrderEvent event) {
        attempts.computeIfAbsent(event.orderId() + "#" + event.seq(), k -> new AtomicInteger()).incrementAndGet();
        if (gatewayDown) {
            throw new PaymentGatewayException("결제 대행사 응답 없음: " + event.orderId());
        }
        if (event.amount() <= 0) {
            throw new PaymentRejectedException("금액이 0 이하인 주문은 결제할 수 없습니다: " + event.orderId() + " (" + event.amount() + "원)");
        }
        synchronized (payments) {
            payments.add(new Payment(event, Thread.currentThread().getName()));
        }
    }

    /** 지금까지 성공한 결제, 처리된 순서대로. */
    public List<Payment> payments() {
        synchronized (payments) {
            return List.copyOf(payments);
        }
    }

    /** 이벤트(주문 ID + 순번)가 {@link #process} 에 들어온 횟수: 1 이면 한 번에 처리, 그보다 크면 재시도된 것. */
    public int attempts(String orderId, int seq) {
        AtomicInteger n = attempts.get(orderId + "#" + seq);
        return n == null ? 0 : n.get();
    }

    /** 결제 대행사 장애 흉내: 켜 두면 모든 이벤트가 실패합니다. */
    public void gatewayDown(boolean down) {
        this.gatewayDown = down;
    }
}
