package kafkacourse.lab09;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * 과제 1: 앱의 {@code spring.kafka.*} 설정. {@code application.properties} 에 쓰던 줄을 자바 맵으로 적은 것입니다
 * (키와 값은 같습니다). 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public final class SpringKafkaSettings {

    private SpringKafkaSettings() {
    }

    public static Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        // 프로듀서: 값(OrderEvent)을 JSON 으로. 키는 기본값 StringSerializer 그대로(주문 ID).
        p.put("spring.kafka.producer.value-serializer", JacksonJsonSerializer.class.getName());
        // 컨슈머: 먼저 ErrorHandlingDeserializer 가 받고, 실제 JSON 풀기는 위임(delegate)에게 맡깁니다.
        // 풀 수 없는 값이 와도 예외가 poll() 밖으로 터지지 않고, 오류 처리기(과제 4)로 가는 레코드가 됩니다.
        p.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        p.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class", JacksonJsonDeserializer.class.getName());
        // 타입 헤더가 없는 레코드(다른 언어·kafka-clients 로 쓴 JSON)도 OrderEvent 로 풀고, 이 패키지의 타입만 믿습니다.
        p.put("spring.kafka.consumer.properties.spring.json.value.default.type", OrderEvent.class.getName());
        p.put("spring.kafka.consumer.properties.spring.json.trusted.packages", OrderEvent.class.getPackageName());
        // 새 그룹은 처음부터: 앱이 뜨기 전에 쌓인 주문도 결제합니다(기본값 latest 면 그 주문들을 건너뜀).
        p.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        return p;
    }
}
