package kafkacourse.lab09;

/** 주문 한 건(주어진 코드). 원본 문서 5.1 의 {@code Order}: 주문 ID, 고객 ID, 금액(원). */
public record Order(String id, String customerId, long amount) {
}
