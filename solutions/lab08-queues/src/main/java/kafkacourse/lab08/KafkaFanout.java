package kafkacourse.lab08;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Kafka 로 만든 팬아웃: 주문 알림을 토픽 하나에 쓰고, 서비스(메일, 포인트 ...)마다 자기 컨슈머 그룹으로 읽습니다.
 * 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public final class KafkaFanout {

    private KafkaFanout() {
    }

    /** 주문 알림 한 건을 보낼 레코드. 같은 주문의 사건들은 같은 파티션에 (= 순서대로) 들어가야 합니다. */
    public static ProducerRecord<String, String> record(String topic, OrderEvent order) {
        // 키 = 주문 번호: 같은 키는 같은 파티션, 한 파티션 안에서는 순서가 지켜집니다.
        return new ProducerRecord<>(topic, order.orderId(), order.event());
    }

    /** 서비스 하나의 컨슈머 설정: 서비스마다 모든 알림을 받고, 나중에 생긴 서비스도 처음부터 읽습니다. */
    public static Properties serviceConsumer(Properties cluster, String service) {
        Properties p = new Properties();
        p.putAll(cluster);
        // 서비스마다 자기 그룹: 그룹이 다르면 각자 모든 레코드를 받습니다 (같은 그룹이면 나눠 가집니다).
        p.put(ConsumerConfig.GROUP_ID_CONFIG, service);
        // 새 그룹(늦게 생긴 서비스)은 커밋이 없으니 토픽의 처음부터: 기본값 latest 면 지난 알림을 못 봅니다.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
