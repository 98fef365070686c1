package kafkacourse.lab10;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * 아웃박스 중계기(relay): 아직 보내지 않은 outbox 행을 만든 순서대로 Kafka 에 보내고, ack 를 받은 뒤에 '보냄'으로 표시합니다.
 * 그 사이에 죽으면 다음 실행이 같은 행을 다시 보냅니다(최소 한 번). 과제 설명: README.ko.md 의 "2.", 막히면 HINTS.ko.md#2.
 */
public class OutboxRelay implements AutoCloseable {

    /** 한 번에 읽어 보내는 행의 수. */
    public static final int BATCH_SIZE = 5;
    /** ack 를 기다리는 최대 시간. */
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final DbSession db;
    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OutboxRelay(DbSession db, Properties cluster, String topic) {
        this.db = db;
        this.topic = topic;
        this.producer = new KafkaProducer<>(OutboxConfig.relayProducer(cluster));
    }

    /**
     * 보내지 않은 행을 최대 {@link #BATCH_SIZE} 개 보내고 '보냄'으로 표시합니다.
     *
     * @return 보낸 행의 수 (0 이면 보낼 것이 없음)
     * @throws PublishFailure ack 를 받지 못했을 때 (행은 표시하지 않은 채로 남음)
     * @throws StorageFailure DB 가 잠겨 있거나 실패했을 때
     */
    public int publishOnce() {
        List<OutboxRow> rows = db.call(tx -> tx.query(
                "SELECT " + OutboxRow.COLUMNS + " FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?", OutboxRow::read, BATCH_SIZE));
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutboxRow row : rows) {
            // 키 = 주문 ID: 한 주문의 이벤트는 모두 한 파티션에, 보낸 순서대로 들어갑니다.
            acks.add(producer.send(new ProducerRecord<>(topic, row.aggregateId(), row.payload())));
        }
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new PublishFailure(rows.get(i), ACK_TIMEOUT, e instanceof ExecutionException ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailure(rows.get(i), ACK_TIMEOUT, e);
            }
        }
        // 이제야, 모든 행이 응답을 받았으니 보냄으로 표시합니다. 이 커밋 전에 죽으면 그 행들은 다시 보내집니다.
        db.run(tx -> {
            for (OutboxRow row : rows) {
                tx.update("UPDATE outbox SET sent_at = CURRENT_TIMESTAMP WHERE event_id = ?", row.eventId());
            }
        });
        return rows.size();
    }

    /** 장애 흉내(주어진 코드): 아직 보내지 않은 레코드는 버리고(close(0)), DB 의 커밋하지 않은 것도 버립니다. */
    public void crash() {
        producer.close(Duration.ZERO);
        db.crash();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        db.close();
    }
}
