package kafkacourse.lab10;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * 주문 이력 서비스: 주문 이벤트를 읽어 이력에 한 줄씩 더합니다. 같은 이벤트가 두 번 와도(중계기는 최소 한 번) 한 번만
 * 적용합니다. 과제 설명: README.ko.md 의 "3.", 막히면 HINTS.ko.md#3.
 */
public class OrderEventConsumer implements AutoCloseable {

    private final DbSession db;
    private final KafkaConsumer<String, String> consumer;

    public OrderEventConsumer(DbSession db, Properties cluster, String topic, String groupId) {
        this.db = db;
        this.consumer = new KafkaConsumer<>(OutboxConfig.eventConsumer(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /**
     * 한 번 poll 해서 받은 이벤트를 처리하고, 그 뒤에 오프셋을 커밋합니다.
     *
     * @return 이번에 새로 적용한 이벤트 수 (중복으로 건너뛴 것은 세지 않음)
     */
    public int pollOnce(Duration timeout) {
        // TODO 3-2: consumer.poll(timeout) 으로 받은 레코드마다 OrderEvent.parse(record.value()) 로 이벤트를 풀고,
        //           db.call(tx -> ...) "한" 트랜잭션 안에서: processed_events 에 그 eventId 가 이미 있으면 건너뛰고(false),
        //           없으면 processed_events 에 eventId 를 넣고 Timeline.append(tx, event) 로 효과를 적용하세요(true).
        //           중복 기록과 효과는 함께 커밋되거나 함께 롤백되어야 합니다.
        // TODO 3-3: 받은 레코드를 모두 DB 에 커밋한 "뒤에" consumer.commitSync() 로 오프셋을 커밋하고, 새로 적용한 수를 돌려주세요.
        throw new UnsupportedOperationException("TODO 3-2: pollOnce 에서 중복을 거르고 효과를 한 트랜잭션으로 적용한 뒤 오프셋을 커밋하세요.");
    }

    /** 장애 흉내(주어진 코드): 오프셋을 커밋하지 않고 그룹을 떠나며, DB 의 커밋하지 않은 것은 버립니다. */
    public void crash() {
        db.crash();
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
        db.close();
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
