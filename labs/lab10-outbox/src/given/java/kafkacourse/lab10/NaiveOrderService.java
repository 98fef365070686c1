package kafkacourse.lab10;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 원본 문서 5.5 의 예제를 순수 자바로 옮긴 것(주어진 코드, 고칠 것 없음 — 틀린 예로 씁니다).
 *
 * <pre>{@code
 * @Transactional
 * fun processOrder(order: Order) {
 *     orderRepository.save(order)                                   // 1. DB 저장
 *     kafkaTemplate.executeInTransaction { template ->              // 2. 이벤트 발행
 *         template.send("orders", order.id, OrderCreatedEvent(order))
 *     }
 * }                                                                 // ← DB 커밋은 메서드가 끝날 때
 * }</pre>
 *
 * DB 트랜잭션과 Kafka 트랜잭션은 서로 다른 두 시스템의 두 커밋입니다. 둘 사이에서 죽으면 한쪽만 남습니다.
 */
public final class NaiveOrderService implements AutoCloseable {

    private final DbSession db;
    private final KafkaProducer<String, String> producer;
    private final String topic;

    /** {@code executeInTransaction} 에는 트랜잭션 프로듀서가 필요하므로 {@code transactional.id} 를 받습니다. */
    public NaiveOrderService(DbSession db, Properties cluster, String topic, String transactionalId) {
        this.db = db;
        this.topic = topic;
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
        producer.initTransactions();
    }

    /**
     * 원본 그대로: DB 트랜잭션(@Transactional) 안에서 Kafka 트랜잭션(executeInTransaction)이 먼저 커밋되고, DB 는 메서드가
     * 끝날 때 커밋됩니다. "커밋 직전"에 죽거나 DB 커밋이 실패하면: <b>주문 없는 이벤트</b>.
     */
    public void placeOrderAsWritten(String orderId, long amount) {
        OrderEvent event = OrderEvent.created(orderId, amount);
        db.run(tx -> {                                                   // @Transactional
            tx.update("INSERT INTO orders(order_id, amount, status) VALUES (?, ?, 'CREATED')", orderId, amount);
            producer.beginTransaction();                                 // executeInTransaction {
            producer.send(new ProducerRecord<>(topic, orderId, event.toJson()));
            producer.commitTransaction();                                // }  ← Kafka 는 여기서 이미 커밋
        });                                                              // ← DB 커밋은 여기
    }

    /**
     * 흔한 "고친" 변형: DB 를 먼저 커밋하고 나서 보냅니다(@TransactionalEventListener(AFTER_COMMIT), 또는 Kafka 트랜잭션을 DB
     * 트랜잭션에 동기화한 경우의 순서). "커밋 직후"에 죽거나 Kafka 가 응답하지 않으면: <b>이벤트 없는 주문</b>.
     */
    public void placeOrderCommitThenSend(String orderId, long amount) {
        OrderEvent event = OrderEvent.created(orderId, amount);
        db.run(tx -> tx.update("INSERT INTO orders(order_id, amount, status) VALUES (?, ?, 'CREATED')", orderId, amount));
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, orderId, event.toJson()));
        producer.commitTransaction();
    }

    /** 장애 흉내: 커밋하지 않은 DB 트랜잭션은 롤백, 프로듀서는 아무것도 정리하지 않고 닫힘(열린 Kafka 트랜잭션은 다음 인스턴스나 타임아웃이 중단). */
    public void crash() {
        db.crash();
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        db.close();
        producer.close(Duration.ofSeconds(5));
    }
}
