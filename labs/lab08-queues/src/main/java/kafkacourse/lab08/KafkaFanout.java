package kafkacourse.lab08;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka 로 만든 팬아웃: 주문 알림을 토픽 하나에 쓰고, 서비스(메일, 포인트 ...)마다 자기 컨슈머 그룹으로 읽습니다.
 * 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public final class KafkaFanout {

    private KafkaFanout() {
    }

    /** 주문 알림 한 건을 보낼 레코드. 같은 주문의 사건들은 같은 파티션에 (= 순서대로) 들어가야 합니다. */
    public static ProducerRecord<String, String> record(String topic, OrderEvent order) {
        // TODO 1-1: topic 으로 가는 ProducerRecord 를 만드세요. 값은 order.event().
        //           키를 무엇으로 하면 한 주문의 created → paid → shipped 가 같은 파티션에 들어갈까요?
        throw new UnsupportedOperationException("TODO 1-1: KafkaFanout.record 에서 주문 알림 레코드(키와 값)를 만드세요.");
    }

    /** 서비스 하나의 컨슈머 설정: 서비스마다 모든 알림을 받고, 나중에 생긴 서비스도 처음부터 읽습니다. */
    public static Properties serviceConsumer(Properties cluster, String service) {
        // TODO 1-2: cluster 설정을 복사한 Properties 에 컨슈머 설정을 더해 돌려주세요.
        //           group.id: 서비스마다 모든 알림을 받으려면? (같은 그룹의 컨슈머들은 파티션을 나눠 가집니다)
        //           auto.offset.reset: 커밋이 없는 새 그룹(늦게 생긴 서비스)이 지난 알림도 읽으려면?
        //           키·값 역직렬화기는 StringDeserializer.
        throw new UnsupportedOperationException("TODO 1-2: KafkaFanout.serviceConsumer 에서 서비스의 컨슈머 설정을 만드세요.");
    }
}
