package kafkacourse.lab11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 주문 스트림의 이벤트 한 건: 어느 주문의 몇 번째 이벤트인지와, 보낼 JSON 본문. 주어진 코드입니다.
 *
 * @param orderId    주문 번호 (예: o-000123)
 * @param customerId 고객 번호. 대량 구매 고객 한 명이 주문의 큰 몫을 차지합니다
 * @param region     배송 지역. 수도권에 주문이 몰립니다
 * @param seq        이 주문 안에서의 순번 (1 = 주문 생성, 2 = 결제, 3 = 출고)
 * @param eventType  ORDER_CREATED, ORDER_PAID, ORDER_SHIPPED
 * @param json       토픽에 보낼 값 (위 필드 + 주문 내용)
 */
public record Order(String orderId, String customerId, String region, int seq, String eventType, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 토픽에서 읽은 값(JSON)을 다시 Order 로. */
    public static Order parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new Order(n.path("orderId").asText(), n.path("customerId").asText(), n.path("region").asText(),
                    n.path("seq").asInt(), n.path("eventType").asText(), json);
        } catch (Exception e) {
            throw new IllegalArgumentException("주문 JSON 이 아닙니다: " + json.substring(0, Math.min(80, json.length())), e);
        }
    }
}
