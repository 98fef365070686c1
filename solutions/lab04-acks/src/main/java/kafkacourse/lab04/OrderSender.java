package kafkacourse.lab04;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends order events and reports, for each one, whether the broker acknowledged it: never a silent loss. */
public class OrderSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderSender(Properties producerConfig, String topic) {
        this.producer = new KafkaProducer<>(producerConfig);
        this.topic = topic;
    }

    /** TODO 2: send one event, wait for the answer, report it. */
    public SendResult send(String key, String value) {
        try {
            return SendResult.acked(key, producer.send(new ProducerRecord<>(topic, key, value)).get());
        } catch (ExecutionException e) {
            // The broker refused or the producer gave up (delivery.timeout.ms): the record is NOT stored. Report it.
            return SendResult.failed(key, e.getCause() instanceof Exception cause ? cause : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(key, e);
        }
    }

    /** TODO 3: send all events without waiting in between, then collect every answer in order. */
    public List<SendResult> sendAll(List<OrderEvent> events) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (OrderEvent event : events) {
            // send() only queues the record: many records travel in one batch, several batches in flight.
            pending.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
        }
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String key = events.get(i).key();
            try {
                results.add(SendResult.acked(key, pending.get(i).get()));
            } catch (ExecutionException e) {
                results.add(SendResult.failed(key, e.getCause() instanceof Exception cause ? cause : e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(SendResult.failed(key, e));
            }
        }
        return results;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
