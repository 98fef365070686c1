package kafkacourse.lab09;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Measurements;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * 테스트 하나가 띄우는 결제 서비스 앱: 강좌 클러스터의 주소와 그 테스트만의 토픽·그룹 이름을 명령줄 인자로 넘겨 시작하고,
 * 시작 실패는 한국어 한 줄로 바꿉니다. 닫으면 리스너가 그룹을 떠납니다.
 */
final class RunningApp implements AutoCloseable {

    private static final List<Double> STARTUP_SECONDS = new ArrayList<>();

    final ConfigurableApplicationContext context;
    final double startupSeconds;

    private RunningApp(ConfigurableApplicationContext context, double startupSeconds) {
        this.context = context;
        this.startupSeconds = startupSeconds;
    }

    /** 강좌 클러스터에 붙는 앱. */
    static RunningApp start(KafkaCluster cluster, String ordersTopic, String groupId) {
        return start(cluster, List.of(), ordersTopic, groupId);
    }

    /** 강좌 클러스터에 붙는 앱, 명령줄 인자를 더해서(예: {@code --spring.kafka.producer.properties.max.block.ms=1000}). */
    static RunningApp start(KafkaCluster cluster, List<String> moreArgs, String ordersTopic, String groupId) {
        List<String> args = new ArrayList<>(clientSettings(cluster));
        args.addAll(moreArgs);
        return start(cluster.bootstrapServers(), args, ordersTopic, groupId);
    }

    static RunningApp start(String bootstrapServers, List<String> extraArgs, String ordersTopic, String groupId) {
        List<String> args = new ArrayList<>(extraArgs);
        args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
        args.add("--spring.kafka.consumer.properties.interceptor.classes=" + ConsumerConfigSpy.class.getName());
        args.add("--lab09.topics.orders=" + ordersTopic);
        args.add("--lab09.group-id=" + groupId);
        ListenerSpy.FAILURES.clear();
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = PaymentApplication.builder().sources(ListenerSpy.class).run(args.toArray(String[]::new));
        } catch (UnsupportedOperationException | ClusterException e) {
            throw e; // TODO stub or cluster problem: @KafkaLab tells it in Korean with the test's hint
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof UnsupportedOperationException todo) {
                throw todo;
            }
            throw new AssertionError("스프링 애플리케이션이 시작되지 않았습니다: " + root.getClass().getSimpleName() + ": " + root.getMessage()
                    + "\n  설정(SpringKafkaSettings)의 속성 이름과 클래스 이름, 빈 메서드의 매개변수 타입을 확인하세요. HINTS.ko.md#일반");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        synchronized (STARTUP_SECONDS) {
            STARTUP_SECONDS.add(seconds);
        }
        return new RunningApp(context, seconds);
    }

    /** 외부 클러스터의 보안 설정 같은 것(bootstrap.servers 말고 나머지)을 spring.kafka.properties.* 로. */
    static List<String> clientSettings(KafkaCluster cluster) {
        List<String> args = new ArrayList<>();
        cluster.clientProperties().forEach((k, v) -> {
            if (!CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG.equals(k)) {
                args.add("--spring.kafka.properties." + k + "=" + v);
            }
        });
        return args;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    PaymentService payments() {
        return bean(PaymentService.class);
    }

    OrderEventProducer producer() {
        return bean(OrderEventProducer.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> consumerFactoryConfig() {
        return bean(ConsumerFactory.class).getConfigurationProperties();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> producerFactoryConfig() {
        return bean(ProducerFactory.class).getConfigurationProperties();
    }

    @SuppressWarnings("unchecked")
    KafkaTemplate<String, OrderEvent> template() {
        return bean(KafkaTemplate.class);
    }

    /** 과제 3의 리스너 컨테이너. 없으면(@KafkaListener 를 안 붙였으면) 곧바로 TODO 3 으로 실패합니다. */
    MessageListenerContainer listenerContainer() {
        Collection<MessageListenerContainer> containers = bean(KafkaListenerEndpointRegistry.class).getListenerContainers();
        if (containers.isEmpty()) {
            throw new UnsupportedOperationException("TODO 3: 앱에 리스너 컨테이너가 없습니다. PaymentListener.onOrderEvent 에 @KafkaListener 를 붙이세요.");
        }
        return containers.iterator().next();
    }

    /** 과제 4의 오류 처리기 빈. 없으면 곧바로 TODO 4 로 실패합니다(스텁이면 그 메서드의 TODO 메시지로). */
    void requireErrorHandler() {
        if (!context.getBeansOfType(CommonErrorHandler.class).isEmpty()) {
            return;
        }
        new ErrorHandlingConfig().errorHandler(template(), bean(ProducerFactory.class)); // a stub throws its TODO 4 here
        throw new UnsupportedOperationException("TODO 4-1: 앱에 CommonErrorHandler 빈이 없습니다. ErrorHandlingConfig.errorHandler 에 @Bean 을 붙이세요.");
    }

    /** 리스너가 TODO 예외를 던졌으면 기다리지 않고 곧바로 그것으로 실패합니다. */
    void failFastOnTodo() {
        for (Throwable f : ListenerSpy.FAILURES) {
            for (Throwable t = f; t != null; t = t.getCause()) {
                if (t instanceof UnsupportedOperationException todo) {
                    throw todo;
                }
            }
        }
    }

    /** 이 앱의 컨슈머들이 만들어질 때 받은 실제 설정(client.id → 설정). */
    static Map<String, Map<String, Object>> effectiveConsumerConfigs() {
        return Map.copyOf(ConsumerConfigSpy.CONFIGS);
    }

    static Optional<Double> averageStartup() {
        synchronized (STARTUP_SECONDS) {
            return STARTUP_SECONDS.stream().mapToDouble(Double::doubleValue).average().stream().boxed().findFirst();
        }
    }

    static void reportStartup() {
        synchronized (STARTUP_SECONDS) {
            if (!STARTUP_SECONDS.isEmpty()) {
                Measurements.report("스프링 컨텍스트 시작 시간: 평균 %.2f초, 최소 %.2f초, 최대 %.2f초 (%d번)",
                        STARTUP_SECONDS.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        STARTUP_SECONDS.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        STARTUP_SECONDS.stream().mapToDouble(Double::doubleValue).max().orElse(0), STARTUP_SECONDS.size());
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
