package kafkacourse.lab09;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * 결제 서비스 애플리케이션(주어진 코드). 원본 문서 5.1 의 Spring 예제를 그대로 살린 작은 Spring Boot 앱입니다:
 * {@link OrderEventProducer}(KafkaTemplate) → 토픽 → {@link PaymentListener}(@KafkaListener) → {@link PaymentService}.
 * <p>
 * 실행할 때 클러스터와 이름을 인자로 줍니다(테스트와 노트북이 강좌 클러스터의 주소를 넣어 줍니다):
 * <pre>{@code
 * --spring.kafka.bootstrap-servers=127.0.0.1:41231 --lab09.topics.orders=orders --lab09.group-id=payment-service
 * }</pre>
 * 기본 설정은 두 곳에서 옵니다: 아래 {@link #givenProperties()}(실습을 빠르고 유한하게 만드는 값)와 여러분이 채우는
 * {@link SpringKafkaSettings#properties()}(과제 1). 명령줄 인자가 둘 다보다 우선합니다.
 */
@SpringBootApplication
public class PaymentApplication {

    /** 주어진 설정. 각 값의 이유는 주석에. */
    static Map<String, Object> givenProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.web-application-type", "none");             // 웹 서버 없음: 리스너와 프로듀서만
        p.put("lab09.group-id", "payment-service");                     // 원본 문서의 그룹 이름(테스트는 뒤에 고유 접미사를 붙임)
        p.put("spring.kafka.producer.properties.max.block.ms", "5000"); // 없는 토픽·죽은 클러스터에 send 가 기본 60초 멈추지 않게
        p.put("spring.kafka.producer.properties.request.timeout.ms", "5000");
        p.put("spring.kafka.producer.properties.delivery.timeout.ms", "10000"); // 보낸 결과(성공/실패)가 10초 안에 정해지게
        p.put("spring.kafka.listener.poll-timeout", "1s");              // 앱을 끌 때 리스너 스레드가 빨리 멈추게(기본 5초)
        return p;
    }

    /** 설정이 담긴 빌더. {@link SpringKafkaSettings#properties()}(과제 1)를 여기서 부릅니다. */
    public static SpringApplicationBuilder builder() {
        Map<String, Object> defaults = new LinkedHashMap<>(givenProperties());
        defaults.putAll(SpringKafkaSettings.properties());
        return new SpringApplicationBuilder(PaymentApplication.class)
                .properties(defaults)
                .initializers(new BrokerPreflight());
    }

    /** 앱을 시작하고, 리스너 컨테이너까지 돌기 시작하면 돌아옵니다. 닫기: {@code context.close()}. */
    public static ConfigurableApplicationContext run(String... args) {
        return builder().run(args);
    }

    /**
     * 노트북 시연용(주어진 코드): {@code --lab09.demo.orders=5} 로 시작하면, 앱이 뜬 직후 {@link OrderEventProducer} 로
     * 주문 5건(order-1 … order-5)을 보냅니다. 기본값 0 이면 아무것도 하지 않습니다(테스트).
     */
    @Bean
    ApplicationRunner demoOrders(OrderEventProducer producer, @Value("${lab09.demo.orders:0}") int count) {
        return args -> {
            for (int i = 1; i <= count; i++) {
                var sent = producer.publishOrderCreated(new Order("order-" + i, "customer-" + (i % 2 + 1), 10_000L * i));
                System.out.printf("[결제 서비스] 보냄: order-%d → 파티션 %d, 오프셋 %d%n", i,
                        sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset());
            }
        };
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = run(args);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "payment-app-shutdown"));
        System.out.println("[결제 서비스] 시작했습니다. 끄려면 Ctrl+C (또는 프로세스 종료).");
    }
}
