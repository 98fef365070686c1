package kafkacourse.lab01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads order events as one member of a consumer group: the seed's OrderEventConsumer in plain kafka-clients. */
public class OrderEventConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    /** TODO 2-1: create the consumer and subscribe it to the topic. */
    public OrderEventConsumer(Properties cluster, String topic, String groupId) {
        this.consumer = new KafkaConsumer<>(consumerConfig(cluster, groupId));
        consumer.subscribe(List.of(topic));
    }

    /** TODO 3: the consumer's settings: its group, how to read keys and values, and where a new group starts. */
    static Properties consumerConfig(Properties cluster, String groupId) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // A group without committed offsets starts at the oldest record, so nothing published before it is missed.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** TODO 2-2: poll until at least {@code count} records arrived or {@code timeout} passed; return what arrived. */
    public List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received;
    }

    /** Leaves the group; with auto-commit on, the group's position is committed first. */
    @Override
    public void close() {
        consumer.close();
    }
}
