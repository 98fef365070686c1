package kafkacourse.lab03;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The business logic that processes one record, e.g. "charge the payment" (given). It may throw: then the record
 * counts as not processed.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record);
}
