package kafkacourse.lab09;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * 테스트가 앱에 더하는 관찰 도구(스테레오타입 애너테이션이 없어 컴포넌트 스캔에 잡히지 않고, 테스트가 sources 로만 넣습니다).
 * Spring Boot 는 {@link RecordInterceptor} 빈을 리스너 컨테이너에 끼웁니다: 리스너가 던진 예외를 여기서 봅니다.
 */
public class ListenerSpy {

    /** 리스너가 던진 예외들(처리 실패), 일어난 순서대로. */
    static final List<Throwable> FAILURES = new CopyOnWriteArrayList<>();

    @Bean
    RecordInterceptor<Object, Object> failureSpy() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
                FAILURES.add(exception);
            }
        };
    }
}
