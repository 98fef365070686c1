package kafkacourse.lab05;

import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** 리더가 바뀌는 장애 조치 중에도 응답받은 주문을 모두 지키고, 지키지 못하면 그렇다고 말하는 프로듀서. */
public class FailoverProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public FailoverProducer(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 과제 2-1: 리더 장애 조치를 견디는 설정. */
    public static Properties producerConfig(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // ISR 의 모든 복제본이 레코드를 가져야 응답합니다. 그래서 ISR 에서 뽑힌 새 리더도 그 레코드를 가집니다.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // 리더가 죽을 때 보내던 배치는 새 리더에게 재시도되고, 두 번 쓰이지 않습니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // 계속 재시도합니다(기본값). NotLeaderOrFollower 와 끊긴 연결은 재시도할 수 있는 오류입니다.
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        // 죽은 브로커에 보낸 요청은 1.5초 뒤 버리고 다른 곳에 재시도합니다.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        // 재시도를 포함해 레코드마다 최대 30초: 장애 조치에 걸리는 시간보다 훨씬 길면서도 끝이 있습니다.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        // send() 는 메타데이터를 최대 10초 기다립니다.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }

    /** 과제 2-2: 보내고, 응답을 기다리고, 절대 성공한 척하지 않습니다. */
    public RecordMetadata send(String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            // delivery.timeout.ms 안에 응답이 없었거나 거부되었습니다. 호출한 쪽이 알아야 합니다.
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
