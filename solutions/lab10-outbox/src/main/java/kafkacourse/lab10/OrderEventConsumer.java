package kafkacourse.lab10;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        int applied = 0;
        for (ConsumerRecord<String, String> record : records) {
            OrderEvent event = OrderEvent.parse(record.value());
            // 중복 제거 기록과 그 효과는 함께 커밋되거나, 둘 다 커밋되지 않습니다.
            boolean fresh = db.call(tx -> {
                if (tx.exists("SELECT 1 FROM processed_events WHERE event_id = ?", event.eventId())) {
                    return false;
                }
                tx.update("INSERT INTO processed_events(event_id) VALUES (?)", event.eventId());
                Timeline.append(tx, event);
                return true;
            });
            if (fresh) {
                applied++;
            }
        }
        if (!records.isEmpty()) {
            // DB 다음에 커밋합니다: 이 줄 전에 죽으면 다시 전달되고, 중복 제거 테이블이 그것을 흡수합니다.
            consumer.commitSync();
        }
        return applied;
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
