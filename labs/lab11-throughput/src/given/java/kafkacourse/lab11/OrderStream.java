package kafkacourse.lab11;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * 실습의 주문 이벤트 스트림을 만듭니다. 주어진 코드입니다.
 * 주문 내용은 함께 들어 있는 {@code orders.jsonl}(실제와 비슷한 JSON 주문 1,000건, 한 건에 약 600바이트)에서 가져옵니다.
 * 여러 주문의 이벤트(생성 → 결제 → 출고)가 실제 쇼핑몰처럼 서로 섞여 도착합니다.
 */
public final class OrderStream {

    /** 클래스패스 안의 주문 파일 위치. {@code ./course bench producer} 와 Kafka 의 ProducerPerformance 도 같은 파일을 씁니다. */
    public static final String PAYLOAD_RESOURCE = "kafkacourse/lab11/orders.jsonl";

    private static final String[] EVENTS = {"ORDER_CREATED", "ORDER_PAID", "ORDER_SHIPPED"};
    private static final String[] REGIONS = {"seoul", "gyeonggi", "busan", "daegu", "incheon", "gwangju", "daejeon"};
    private static final double[] REGION_SHARE = {0.55, 0.25, 0.08, 0.04, 0.04, 0.02, 0.02};

    private OrderStream() {
    }

    /** 주문 파일의 줄들 (JSON 한 줄 = 주문 하나). */
    public static List<String> payloads() {
        try (InputStream in = OrderStream.class.getClassLoader().getResourceAsStream(PAYLOAD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("주문 파일 " + PAYLOAD_RESOURCE + " 이 클래스패스에 없습니다. `./mvnw -pl labs/lab11-throughput compile` 을 먼저 실행하세요.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("주문 파일을 읽지 못했습니다: " + PAYLOAD_RESOURCE, e);
        }
    }

    /**
     * {@code orders} 개 주문의 이벤트 {@code orders × 3} 건을 도착 순서대로. 같은 씨앗(seed)이면 언제나 같은 스트림입니다.
     * 고객 c-0001(대량 구매 기업 고객)이 주문의 약 35%를, 서울이 약 55%를 차지합니다.
     */
    public static List<Order> events(int orders, long seed) {
        List<String> payloads = payloads();
        Random random = new Random(seed);
        record Timed(long at, Order order) {
        }
        List<Timed> timed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = String.format("o-%06d", i);
            String customer = random.nextDouble() < 0.35 ? "c-0001" : String.format("c-%04d", 2 + random.nextInt(3000));
            String region = pick(random);
            String body = payloads.get(random.nextInt(payloads.size()));
            long createdAt = i * 10L;
            long paidAt = createdAt + 5 + random.nextInt(400);
            long shippedAt = paidAt + 5 + random.nextInt(400);
            long[] times = {createdAt, paidAt, shippedAt};
            for (int s = 0; s < EVENTS.length; s++) {
                String json = "{\"orderId\":\"" + orderId + "\",\"seq\":" + (s + 1) + ",\"eventType\":\"" + EVENTS[s]
                        + "\",\"customerId\":\"" + customer + "\",\"region\":\"" + region + "\"," + body.substring(1);
                timed.add(new Timed(times[s], new Order(orderId, customer, region, s + 1, EVENTS[s], json)));
            }
        }
        timed.sort(Comparator.comparingLong(Timed::at));
        return timed.stream().map(Timed::order).toList();
    }

    private static String pick(Random random) {
        double x = random.nextDouble();
        for (int i = 0; i < REGIONS.length; i++) {
            x -= REGION_SHARE[i];
            if (x < 0) {
                return REGIONS[i];
            }
        }
        return REGIONS[REGIONS.length - 1];
    }
}
