package kafkacourse.lab10;

import java.time.Duration;

/**
 * 중계기가 보낸 레코드의 ack 를 받지 못했다(주어진 코드). 그 행들은 '보냄' 표시 없이 outbox 에 남아 있어야 합니다.
 */
public final class PublishFailure extends RuntimeException {

    public PublishFailure(OutboxRow row, Duration waited, Throwable cause) {
        super("""
                [발행 실패] 주문 %s 의 이벤트 %s(%s)를 Kafka 가 받았다는 확인(ack)을 %d초 안에 받지 못했습니다: %s
                  Kafka 클러스터가 떠 있는지(./course cluster status), bootstrap.servers 가 맞는지 확인하세요.
                  outbox 행은 '보냄' 표시 없이 남겨 두었으니, 다음 실행이 다시 보냅니다(빠지는 이벤트 없음)."""
                .formatted(row.aggregateId(), row.eventId(), row.eventType(), waited.toSeconds(), cause), cause);
    }
}
