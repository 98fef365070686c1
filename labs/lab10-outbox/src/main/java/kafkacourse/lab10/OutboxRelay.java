package kafkacourse.lab10;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;

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
        // TODO 2-2: db.call(tx -> tx.query("SELECT " + OutboxRow.COLUMNS + " FROM outbox WHERE sent_at IS NULL ORDER BY ... LIMIT ?",
        //           OutboxRow::read, BATCH_SIZE)) 로 보내지 않은 행을 "만든 순서대로" 읽으세요. 없으면 0.
        // TODO 2-3: 행마다 topic 에 key = 주문 ID(row.aggregateId()), value = row.payload() 로 send 하고,
        //           돌아온 Future 들의 ack 를 모두 기다리세요(get(ACK_TIMEOUT)). 하나라도 실패하면
        //           new PublishFailure(행, ACK_TIMEOUT, 원인) 을 던지고, 표시는 하지 마세요.
        // TODO 2-4: 모든 ack 를 받은 "뒤에" 한 트랜잭션으로 그 행들의 sent_at 을 CURRENT_TIMESTAMP 로 바꾸고, 보낸 수를 돌려주세요.
        //           StorageFailure(DB 잠김 등)는 잡지 말고 그대로 던지세요.
        throw new UnsupportedOperationException("TODO 2-2: publishOnce 에서 outbox 행을 순서대로 보내고, ack 를 받은 뒤 표시하세요.");
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
