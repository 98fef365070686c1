package kafkacourse.lab05;

import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer that keeps every acknowledged order through a leader failover, and says so when it cannot. */
public class FailoverProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public FailoverProducer(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** TODO 2-1: settings that ride out a leader failover. */
    public static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Acknowledged only once every in-sync replica has the record: a new leader from the ISR has it too.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // A batch in flight when the leader dies is retried on the new leader without being written twice.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Keep retrying (the default): NotLeaderOrFollower and lost connections are retriable.
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        // A request to a dead broker is abandoned after 1.5 s and retried elsewhere.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        // Up to 30 s per record, retries included: far longer than a failover (~2 s), and still bounded.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        // send() waits at most 10 s for metadata.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }

    /** TODO 2-2: send, wait for the acknowledgement, never pretend. */
    public RecordMetadata send(String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            // Not acknowledged within delivery.timeout.ms, or refused: the caller must know.
            throw new OrderNotStoredException(key, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderNotStoredException(key, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
