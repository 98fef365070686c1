package kafkacourse.lab02;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 키 없이 레코드를 보내고 어디로 갔는지 보여 줍니다. sticky 파티셔너는 한 파티션의 배치를 채운 뒤 다음 파티션으로 넘어갑니다.
 * 과제 설명: README.ko.md 의 "3. 키가 없는 레코드", 막히면 HINTS.ko.md#3.
 */
public class KeylessSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public KeylessSender(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 프로듀서 설정 (주어짐). partitioner.class 를 지정하지 않았으므로 내장(sticky) 로직이 파티션을 고릅니다. */
    static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // 배치 크기를 기본 16 KB 대신 2 KB 로: 레코드 수백 건만으로도 배치가 여러 번 차서 파티션이 바뀌는 모습이 보입니다.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "2048");
        // 배치가 찰 때까지 최대 20 ms 기다립니다 (Kafka 4.x 기본값은 5 ms).
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return p;
    }

    /** {@code values} 를 키 없이 목록 순서대로 보내고, 각 레코드가 기록된 위치를 같은 순서로 돌려줍니다. */
    public List<RecordMetadata> sendKeyless(List<String> values) {
        // TODO 3-1: 값마다 키 없는 ProducerRecord 를 만들어 보내세요. 파티션 번호도 직접 정하지 마세요 — 프로듀서가 고르게 둡니다.
        //           Future 를 모아 두었다가 flush() 한 뒤 get() 한 결과를 보낸 순서대로 돌려주세요.
        throw new UnsupportedOperationException("TODO 3-1: sendKeyless 에서 키 없이 레코드를 보내고 RecordMetadata 를 돌려주세요.");
    }

    /**
     * 보낸 순서대로 늘어선 파티션 번호를 "같은 파티션이 연달아 나온 구간"으로 묶습니다.
     * 예: [2, 2, 2, 0, 0, 2] → [(2, 3), (0, 2), (2, 1)].
     */
    public static List<PartitionRun> runsOf(List<Integer> partitionsInSendOrder) {
        // TODO 3-2: 앞 레코드와 파티션이 같으면 개수를 하나 늘리고, 다르면 지금 구간을 목록에 넣고 새 구간을 시작하세요.
        //           반복이 끝난 뒤 마지막 구간도 넣어야 합니다. 빈 목록이면 빈 목록을 돌려주세요.
        throw new UnsupportedOperationException("TODO 3-2: runsOf 에서 같은 파티션이 연달아 나온 구간을 세세요.");
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
