package kafkacourse.lab04;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * acks 단계별 프로듀서 설정과, acks=all 이 정말로 "잃지 않음"을 뜻하게 만드는 토픽 설정.
 * 과제 설명: README.ko.md 의 "1. acks 세 가지", "4. 확인받은 기록을 잃지 않는 조합", 막히면 HINTS.ko.md#1, #4.
 */
public final class AcksConfigs {

    private AcksConfigs() {
    }

    /**
     * 주어진 코드: 이 실습의 모든 프로듀서가 공유하는 설정. 제한 시간이 있어서 어떤 전송도 테스트를 멈춰 세우지 못합니다.
     */
    public static Properties base(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // send() 가 메타데이터(토픽이 어디 있는지)를 기다리는 최대 시간: 5초.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // 요청 하나를 브로커에 보내고 답을 기다리는 최대 시간: 1.5초. 넘으면 프로듀서가 다시 보냅니다(재시도).
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        // send() 부터 최종 성공/실패 보고까지, 재시도를 모두 포함한 최대 시간: 5초.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }

    /** acks=0: 브로커의 답을 기다리지 않는 프로듀서 설정. */
    public static Properties fireAndForget(Properties cluster) {
        // TODO 1-1: base(cluster) 에 ProducerConfig.ACKS_CONFIG = "0" 을 더해 돌려주세요.
        throw new UnsupportedOperationException("TODO 1-1: fireAndForget 에 acks=0 설정을 채우세요.");
    }

    /** acks=1: 리더가 자기 로그에 기록하면 바로 답하는 프로듀서 설정. */
    public static Properties leaderOnly(Properties cluster) {
        // TODO 1-2: base(cluster) 에 acks = "1" 을 더해 돌려주세요.
        throw new UnsupportedOperationException("TODO 1-2: leaderOnly 에 acks=1 설정을 채우세요.");
    }

    /** acks=all: 모든 ISR 복제본이 기록한 뒤에 답하는, 멱등(중복 없는)·순서 보장 프로듀서 설정. */
    public static Properties allReplicas(Properties cluster) {
        // TODO 1-3: base(cluster) 에 설정을 더해 돌려주세요. 정할 것 세 가지:
        //   - 모든 ISR 복제본을 기다리는 acks 값
        //   - 재시도해도 중복이 생기지 않게 하는 설정 (기본값에 기대지 말고 명시할지, 왜 그런지는 README 의 1·3번 과제)
        //   - 그 설정과 함께 순서를 지키는 연결당 동시 요청 수
        throw new UnsupportedOperationException("TODO 1-3: allReplicas 가 아직 설정을 돌려주지 않습니다. acks, 중복 없는 재시도, 동시 요청 수를 정하세요 (막히면 HINTS.ko.md#1).");
    }

    /** 확인(ack)받은 기록이 복제본 두 개 이상에 있음을 보장하는 토픽 설정. */
    public static Map<String, String> durableTopic() {
        // TODO 4: 토픽 설정 맵을 돌려주세요 (TopicConfig 상수를 써도 됩니다). 정할 것 두 가지:
        //   - 복제본이 몇 개 밑으로 줄면 acks=all 쓰기를 거부할지 (이 토픽은 RF 3)
        //   - ISR 밖의 뒤처진 복제본이 리더가 될 수 있는지
        throw new UnsupportedOperationException("TODO 4: durableTopic 이 아직 토픽 설정을 돌려주지 않습니다. 쓰기를 거부할 하한과 리더 자격을 정하세요 (막히면 HINTS.ko.md#4).");
    }
}
