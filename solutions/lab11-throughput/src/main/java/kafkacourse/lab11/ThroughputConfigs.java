package kafkacourse.lab11;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 주문 스트림 프로듀서의 설정: 튜닝하지 않은 기준선과, 과제 1 에서 처리량을 위해 튜닝한 설정.
 * 과제 설명: README.ko.md 의 "1. 배치와 압축으로 처리량 올리기", 막히면 HINTS.ko.md#1.
 */
public final class ThroughputConfigs {

    private ThroughputConfigs() {
    }

    /**
     * 주어진 코드: 튜닝하지 않은 기준선. 내구성 설정(acks=all, 멱등성)은 기본값 그대로입니다.
     * Kafka 4.0 부터 linger.ms 기본값이 5 (KIP-1030) 라서, "기다리지 않고 바로 보내는" 예전 동작을 보려고 0 을 명시합니다.
     */
    public static Properties baseline(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // 아래는 모두 기본값입니다. 무엇을 바꿀 수 있는지 보이도록 적어 둡니다.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "16384");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return p;
    }

    /**
     * 처리량을 위해 튜닝한 설정: 기준선에서 출발해 배치 크기, 배치를 기다리는 시간, 압축을 바꿉니다.
     * acks=all 과 멱등성은 그대로 둡니다(빠르지만 잃는 프로듀서는 답이 아닙니다).
     */
    public static Properties tuned(Properties cluster) {
        Properties p = baseline(cluster);
        // 과제 1: 배치 하나에 레코드가 많이 모이도록 — 최대 256KB 까지, 최대 50ms 기다렸다가 보냅니다.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        // 과제 1: 같은 필드 이름이 반복되는 JSON 은 잘 압축됩니다. lz4 는 빠르고, zstd 는 더 작게 줄입니다.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // 과제 1: 멱등성이 켜져 있으면 5 까지 동시에 보내도 순서가 지켜집니다 (6 이상은 멱등성과 충돌).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return p;
    }
}
