package kafkacourse.lab09;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * 과제 4: 처리할 수 없는 레코드(독이 든 레코드)를 재시도한 뒤 {@code <토픽>-dlt} 로 보내고 다음 레코드로 넘어갑니다.
 * 과제 설명: README.ko.md 의 "4.", 막히면 HINTS.ko.md#4.
 */
@Configuration
public class ErrorHandlingConfig {

    /** 재시도 간격과 횟수: 처음 시도 + 재시도 2번 = 최대 3번, 그 뒤 DLT. */
    static final long RETRY_INTERVAL_MS = 100;
    static final long RETRIES = 2;

    // TODO 4-1: 이 메서드에 @Bean 을 붙이세요. Spring Boot 는 컨텍스트의 CommonErrorHandler 빈을 리스너 컨테이너에 끼웁니다.
    public DefaultErrorHandler errorHandler(KafkaTemplate<String, OrderEvent> kafkaTemplate,
                                            ProducerFactory<String, Object> producerFactory) {
        // TODO 4-2: DeadLetterPublishingRecoverer(→ "<토픽>-dlt", 같은 파티션) 와 FixedBackOff(RETRY_INTERVAL_MS, RETRIES) 로
        //           DefaultErrorHandler 를 만들어 돌려주세요.
        //   - JSON 으로 풀지 못한 레코드의 값은 byte[] 입니다. 값 직렬화기만 ByteArraySerializer 로 바꾼 템플릿을
        //     producerFactory.copyWithConfigurationOverride(...) 로 만들고, 값의 타입별 템플릿 맵
        //     (byte[].class → 그 템플릿, Object.class → kafkaTemplate)을 recoverer 에 주세요.
        //   - PaymentRejectedException(업무 규칙 위반)은 다시 해도 같은 결과이니 재시도하지 않게(addNotRetryableExceptions).
        //   - 재시도를 끝없이 하면(UNLIMITED) 그 파티션은 독이 든 레코드 뒤에서 영원히 멈춥니다.
        throw new UnsupportedOperationException("TODO 4: ErrorHandlingConfig.errorHandler 에서 DefaultErrorHandler + "
                + "DeadLetterPublishingRecoverer 를 만들고 @Bean 으로 등록하세요.");
    }
}
