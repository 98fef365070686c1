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
 * Sends records without a key and shows where they went: the sticky partitioner fills one partition's batch,
 * then moves on. 과제 설명: README.ko.md 의 "3. 키가 없는 레코드", 막히면 HINTS.ko.md#3.
 */
public class KeylessSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public KeylessSender(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** The producer's settings (given). No partitioner.class: the built-in (sticky) logic decides. */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // A small batch (2 KB instead of 16 KB) so that a few hundred records already fill several batches and
        // the switch from one partition to the next is visible.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "2048");
        // Wait up to 20 ms for a batch to fill (Kafka 4.x default is 5 ms).
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return p;
    }

    /** TODO 3-1: send each value without a key, in list order; return where each one went, in the same order. */
    public List<RecordMetadata> sendKeyless(List<String> values) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (String value : values) {
            // No key and no partition: the producer's sticky logic chooses the partition.
            pending.add(producer.send(new ProducerRecord<>(topic, value)));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> f : pending) {
            try {
                written.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending failed", e.getCause());
            }
        }
        return written;
    }

    /** TODO 3-2: group a partition sequence (in send order) into runs of the same partition. */
    public static List<PartitionRun> runsOf(List<Integer> partitionsInSendOrder) {
        List<PartitionRun> runs = new ArrayList<>();
        int current = -1;
        int count = 0;
        for (int partition : partitionsInSendOrder) {
            if (count > 0 && partition != current) {
                runs.add(new PartitionRun(current, count));
                count = 0;
            }
            current = partition;
            count++;
        }
        if (count > 0) {
            runs.add(new PartitionRun(current, count));
        }
        return runs;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
