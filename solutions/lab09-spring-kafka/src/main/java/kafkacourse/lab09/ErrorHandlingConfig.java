package kafkacourse.lab09;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * 과제 4: 처리할 수 없는 레코드(독이 든 레코드)를 재시도한 뒤 {@code <토픽>-dlt} 로 보내고 다음 레코드로 넘어갑니다.
 * 과제 설명: README.ko.md 의 "4.", 막히면 HINTS.ko.md#4.
 */
@Configuration
public class ErrorHandlingConfig {

    /** 재시도 간격과 횟수: 처음 시도 + 재시도 2번 = 최대 3번, 그 뒤 DLT. */
    static final long RETRY_INTERVAL_MS = 100;
    static final long RETRIES = 2;

    @Bean
    public DefaultErrorHandler errorHandler(KafkaTemplate<String, OrderEvent> kafkaTemplate,
                                            ProducerFactory<String, Object> producerFactory) {
        // JSON 으로 풀지 못한 레코드는 원래 바이트 그대로(byte[]) DLT 에 씁니다: JSON 직렬화기로 쓰면 값이 망가집니다.
        // (제네릭 타입은 Object: 실제로 이 템플릿에 오는 값은 byte[] 뿐입니다.)
        KafkaTemplate<String, Object> rawTemplate = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(Object.class, kafkaTemplate);
        // 기본 목적지: 같은 이름 + "-dlt" 토픽(spring-kafka 3.x 까지는 ".DLT")의 같은 파티션. 원래 토픽·파티션·오프셋과 예외가 헤더로 붙습니다.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRIES));
        // 업무 규칙 위반은 다시 해도 같은 결과: 재시도 없이 곧바로 DLT. (역직렬화 오류는 기본값으로 이미 재시도하지 않음)
        handler.addNotRetryableExceptions(PaymentRejectedException.class);
        return handler;
    }
}
