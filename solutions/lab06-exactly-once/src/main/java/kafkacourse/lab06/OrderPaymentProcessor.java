package kafkacourse.lab06;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * 주문(orders)을 읽어 결제 이벤트(payments)를 쓰는 "읽기–처리–쓰기" 한 단계를, 트랜잭션으로 정확히 한 번 처리합니다.
 * 과제 설명: README.ko.md 의 "2.", "3.", "4.", 막히면 HINTS.ko.md#2, #3, #4.
 */
public class OrderPaymentProcessor implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final ProcessorSettings settings;
    private final OrderHandler handler;
    private boolean closed;

    public OrderPaymentProcessor(Properties cluster, ProcessorSettings settings, OrderHandler handler) {
        this.settings = settings;
        this.handler = handler;
        this.producer = new KafkaProducer<>(ExactlyOnceConfig.producerConfig(cluster, settings.transactionalId()));
        // Registers the transactional.id with its coordinator, fences older instances and aborts what they left open.
        producer.initTransactions();
        this.consumer = new KafkaConsumer<>(ExactlyOnceConfig.consumerConfig(cluster, settings.groupId()));
        consumer.subscribe(List.of(settings.inputTopic()));
    }

    /**
     * 한 번 poll 해서 받은 주문들을 하나의 트랜잭션으로 처리합니다: 결제 이벤트 쓰기 + 읽은 위치(오프셋) 커밋.
     *
     * @return 이번 트랜잭션에서 커밋한 주문 수 (받은 것이 없거나 트랜잭션을 중단했으면 0)
     * @throws ProducerFencedException 같은 transactional.id 의 새 인스턴스가 이 인스턴스를 밀어냈을 때 (좀비)
     */
    public int processOnce(Duration pollTimeout) {
        ConsumerRecords<String, String> records = consumer.poll(pollTimeout);
        if (records.isEmpty()) {
            return 0;
        }
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, String> order : records) {
                String payment = handler.toPayment(order.key(), order.value());
                producer.send(new ProducerRecord<>(settings.outputTopic(), order.key(), payment));
            }
            // The read position is part of the same transaction: both become visible together or not at all.
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            return records.count();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException fatal) {
            // Fatal: another instance with our transactional.id took over (or the producer cannot go on).
            // Do not abort, do not retry: this instance is a zombie and must stop.
            throw fatal;
        } catch (KafkaException | TemporaryFailure retriable) {
            // Anything else: undo the whole transaction and process the same orders again on the next call.
            producer.abortTransaction();
            rewindToLastCommit();
            return 0;
        }
    }

    /** The offset of the next record to read, per partition: what the group should resume from. */
    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            long last = inPartition.get(inPartition.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    /** Moves the consumer back to the group's last committed offsets (the start, if nothing is committed yet). */
    private void rewindToLastCommit() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /**
     * 장애 흉내(주어진 코드): 프로세스가 갑자기 죽은 것처럼, 트랜잭션을 커밋도 중단도 하지 않고 버립니다.
     * 이미 보낸 레코드는 브로커 로그에 남아 있고(flush), 트랜잭션은 열린 채로 남습니다. 컨슈머는 그룹을 떠나기만 하고
     * 오프셋은 커밋하지 않습니다(자동 커밋을 켜 두었다면 여기서 커밋되어 버립니다).
     */
    public void crashWithoutCommit() {
        closed = true;
        producer.flush();
        producer.close(Duration.ZERO);
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /** 정상 종료(주어진 코드): 열려 있는 트랜잭션은 프로듀서가 닫히면서 중단(abort)됩니다. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
