package kafkacourse.lab09;

import java.util.Map;

/**
 * 과제 1: 앱의 {@code spring.kafka.*} 설정. {@code application.properties} 에 쓰던 줄을 자바 맵으로 적은 것입니다
 * (키와 값은 같습니다). 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public final class SpringKafkaSettings {

    private SpringKafkaSettings() {
    }

    public static Map<String, Object> properties() {
        // TODO 1: spring.kafka.* 설정을 맵에 담아 돌려주세요(키 = 속성 이름, 값 = 클래스 이름이나 문자열).
        //   - 프로듀서의 값 직렬화기: OrderEvent 를 JSON 으로 (spring-kafka 의 JacksonJsonSerializer)
        //   - 컨슈머의 값 역직렬화기: ErrorHandlingDeserializer, 그리고 그것이 위임할 실제 역직렬화기 JacksonJsonDeserializer
        //     (spring.kafka.consumer.properties.spring.deserializer.value.delegate.class)
        //   - 타입 헤더가 없는 JSON 도 OrderEvent 로 풀도록 기본 타입과 믿을 패키지
        //     (spring.json.value.default.type, spring.json.trusted.packages)
        //   - 새 그룹이 앱이 뜨기 전에 쌓인 주문부터 읽도록 auto-offset-reset
        throw new UnsupportedOperationException("TODO 1: SpringKafkaSettings.properties() 에 spring.kafka.* 설정(JSON 직렬화, "
                + "ErrorHandlingDeserializer, auto-offset-reset)을 채우세요. 이 설정이 없으면 앱이 시작되지 않습니다.");
    }
}
