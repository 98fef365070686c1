package kafkacourse.lab03;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * 레코드 하나를 처리하는 업무 로직. 예: "결제하기" (주어진 코드). 예외를 던질 수 있고, 그러면 그 레코드는
 * 처리되지 않은 것으로 칩니다.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record);
}
