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
        // transactional.id 를 코디네이터에 등록하고, 예전 인스턴스를 펜싱하고, 그들이 열어 둔 트랜잭션을 중단합니다.
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
            // 읽은 위치도 같은 트랜잭션에 들어갑니다: 둘이 함께 보이거나 둘 다 안 보입니다.
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            return records.count();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException fatal) {
            // 치명적 오류: 같은 transactional.id 의 다른 인스턴스가 넘겨받았습니다(또는 프로듀서가 더 갈 수 없습니다).
            // 중단(abort)도 재시도도 하지 않습니다. 이 인스턴스는 좀비이므로 멈춰야 합니다.
            throw fatal;
        } catch (KafkaException | TemporaryFailure retriable) {
            // 그 밖의 오류: 트랜잭션 전체를 되돌리고, 다음 호출에서 같은 주문을 다시 처리합니다.
            producer.abortTransaction();
            rewindToLastCommit();
            return 0;
        }
    }

    /** 파티션별로 다음에 읽을 레코드의 오프셋: 그룹이 다시 시작할 위치. */
    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            long last = inPartition.get(inPartition.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    /** 컨슈머를 그룹이 마지막으로 커밋한 오프셋으로 되돌립니다(아직 커밋한 것이 없으면 처음으로). */
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
