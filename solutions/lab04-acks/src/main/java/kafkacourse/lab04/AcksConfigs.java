package kafkacourse.lab04;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** acks 수준별 프로듀서 설정과, acks=all 이 "잃지 않음"을 뜻하게 만드는 토픽 설정. */
public final class AcksConfigs {

    private AcksConfigs() {
    }

    /** 주어진 코드: 이 실습의 모든 프로듀서가 함께 쓰는 설정. 어떤 전송도 테스트를 멈춰 세우지 않도록 타임아웃에 끝을 둡니다. */
    public static Properties base(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // send() 는 메타데이터(예: 없는 토픽)를 기다리며 최대 5초 멈춥니다.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // 브로커에 보낸 요청 하나는 최대 1.5초 기다린 뒤 포기하고 재시도합니다.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        // 레코드는 send() 뒤 재시도를 포함해 늦어도 5초 안에 실패로 알려집니다.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }

    /** 과제 1-1: acks=0. */
    public static Properties fireAndForget(Properties cluster) {
        Properties p = base(cluster);
        // 응답이 전혀 없습니다. 가장 빠르지만, 브로커가 레코드를 저장했는지 프로듀서는 끝내 모릅니다.
        p.put(ProducerConfig.ACKS_CONFIG, "0");
        return p;
    }

    /** 과제 1-2: acks=1. */
    public static Properties leaderOnly(Properties cluster) {
        Properties p = base(cluster);
        // 리더 자신의 로그에만 씁니다. 팔로워는 나중에 복사하고, 끝내 못 할 수도 있습니다.
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        return p;
    }

    /** 과제 1-3: acks=all, 멱등성, 순서 보장. */
    public static Properties allReplicas(Properties cluster) {
        Properties p = base(cluster);
        // 리더는 ISR 의 모든 복제본이 레코드를 가졌을 때(그리고 최소 min.insync.replicas 개일 때) 응답합니다.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // 재시도에는 프로듀서 ID 와 순번이 붙습니다. 브로커는 이미 가진 배치의 재시도를 버립니다.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // 멱등성이 있으면 동시에 보내는 요청 5개까지 순서가 지켜집니다(브로커가 순번이 어긋난 배치를 거부합니다).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return p;
    }

    /** 과제 4: acks=all 응답이 "적어도 복제본 두 개에 있음"을 뜻하게 하는 토픽 설정. */
    public static Map<String, String> durableTopic() {
        return Map.of(
                // ISR 이 2개 이상이 아니면 acks=all 쓰기는 (응답 없이) 거부됩니다.
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2",
                // 동기화되지 않은 복제본은 절대 리더로 뽑지 않습니다(Kafka 기본값이지만 일부러 적습니다).
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
    }
}
