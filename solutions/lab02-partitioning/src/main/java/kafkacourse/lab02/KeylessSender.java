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
 * 키 없이 레코드를 보내고 어디로 갔는지 보여 줍니다. 스티키 파티셔너는 한 파티션의 배치를 채운 뒤 다음 파티션으로
 * 넘어갑니다. 과제 설명: README.ko.md 의 "3. 키가 없는 레코드", 막히면 HINTS.ko.md#3.
 */
public class KeylessSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public KeylessSender(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 프로듀서 설정 (주어진 코드). partitioner.class 가 없으니 내장(스티키) 로직이 정합니다. */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // 배치를 작게(16KB 대신 2KB) 잡아, 레코드 수백 건만으로도 배치가 여러 개 차고
        // 한 파티션에서 다음 파티션으로 넘어가는 모습이 보이게 합니다.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "2048");
        // 배치가 찰 때까지 최대 20ms 기다립니다 (Kafka 4.x 기본값은 5ms).
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return p;
    }

    /** 과제 3-1: 값마다 키 없이 목록 순서대로 보내고, 각각 어디로 갔는지 같은 순서로 돌려줍니다. */
    public List<RecordMetadata> sendKeyless(List<String> values) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (String value : values) {
            // 키도 파티션도 없으면 프로듀서의 스티키 로직이 파티션을 고릅니다.
            pending.add(producer.send(new ProducerRecord<>(topic, value)));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> f : pending) {
            try {
                written.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("보내다가 중단되었습니다", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("보내기에 실패했습니다", e.getCause());
            }
        }
        return written;
    }

    /** 과제 3-2: (보낸 순서의) 파티션 번호 목록을 같은 파티션이 이어진 구간으로 묶습니다. */
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
