package kafkacourse.lab02;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes order events so that all events of one order stay in order.
 * 과제 설명: README.ko.md 의 "2. 같은 주문의 이벤트는 순서대로", 막히면 HINTS.ko.md#2.
 */
public class OrderEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventPublisher(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** The producer's settings (given). */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Idempotence is on by default since Kafka 3.0: a retried batch cannot overtake a later one,
        // so the order of sends is the order in the partition.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /** TODO 2: send every event, in list order, so that one order's events land in one partition in order. */
    public List<RecordMetadata> publishAll(List<OrderEvent> events) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (OrderEvent event : events) {
            // The key decides the partition: the order id keeps one order's events together.
            pending.add(producer.send(new ProducerRecord<>(topic, event.orderId(), event.toJson())));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> f : pending) {
            try {
                written.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("publishing failed", e.getCause());
            }
        }
        return written;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
