package kafkacourse.lab01;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes "order created" events to a topic: the seed's OrderEventProducer in plain kafka-clients. */
public class OrderEventProducer implements AutoCloseable {

    /** Header that tells consumers what kind of event a record is, without parsing its value. */
    public static final String EVENT_TYPE_HEADER = "eventType";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderEventProducer(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** TODO 1-1: the producer's settings. */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        // Keys and values are text: the order id and the event JSON.
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** TODO 1-2: send the event with the order id as key and an eventType header; wait for the broker's answer. */
    public RecordMetadata publishOrderCreated(Order order) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, order.orderId(), order.toCreatedEventJson());
        record.headers().add(EVENT_TYPE_HEADER, "ORDER_CREATED".getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + order.orderId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing " + order.orderId() + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
