package kafkacourse.lab04;

import java.util.Objects;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * 전송 한 건의 결과: 브로커가 확인(ack)했으면 {@code metadata}, 실패했으면 {@code error}. 둘 중 하나만 있습니다.
 * 주어진 코드입니다. 만들 때는 {@link #acked} 와 {@link #failed} 를 쓰세요.
 */
public record SendResult(String key, RecordMetadata metadata, Exception error) {

    public SendResult {
        if ((metadata == null) == (error == null)) {
            throw new IllegalArgumentException("SendResult 에는 metadata 와 error 중 정확히 하나가 있어야 합니다 (키: " + key + ")");
        }
    }

    public static SendResult acked(String key, RecordMetadata metadata) {
        return new SendResult(key, Objects.requireNonNull(metadata, "metadata"), null);
    }

    public static SendResult failed(String key, Exception error) {
        return new SendResult(key, null, Objects.requireNonNull(error, "error"));
    }

    /** 브로커가 이 레코드를 받았다고 답했는가. */
    public boolean isAcked() {
        return metadata != null;
    }

    @Override
    public String toString() {
        return isAcked()
                ? key + " → 확인됨 (파티션 " + metadata.partition() + ", 오프셋 " + metadata.offset() + ")"
                : key + " → 실패 (" + error.getClass().getSimpleName() + ": " + error.getMessage() + ")";
    }
}
