package kafkacourse.lab09;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.cluster.ClusterException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * 시작 전 점검(주어진 코드): 빈을 만들기 전에 {@code spring.kafka.bootstrap-servers} 의 브로커가 응답하는지 묻습니다.
 * 주소가 틀렸거나 클러스터가 꺼져 있으면 Spring Kafka 는 경고 로그만 남기며 계속 다시 접속하므로(앱은 "떠 있는데" 아무것도
 * 처리하지 않음), 여기서 {@link #LIMIT} 안에 한국어로 멈춥니다. 기다릴 시간은 {@code lab09.preflight-timeout} 으로 바꿀 수
 * 있습니다(예: {@code --lab09.preflight-timeout=2s}; 테스트가 틀린 주소를 시험할 때 씁니다).
 */
public final class BrokerPreflight implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** 브로커가 이 시간 안에 답하지 않으면 시작을 멈춥니다(기본값). */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String bootstrap = env.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
        Binder binder = Binder.get(env);
        Duration limit = binder.bind("lab09.preflight-timeout", Duration.class).orElse(LIMIT);
        Properties p = new Properties();
        p.putAll(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Admin 은 요청 하나의 한도(request.timeout.ms)가 전체 한도보다 길면 설정 오류로 곧바로 멈춥니다: 전체 한도를 넘지 않게.
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(5000, limit.toMillis())));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(limit.toMillis()));
        try (Admin admin = Admin.create(p)) {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) limit.toMillis()))
                    .nodes().get(limit.toMillis() + 2_000, TimeUnit.MILLISECONDS).size();
            if (brokers == 0) {
                throw new IllegalStateException("브로커 목록이 비어 있습니다");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(bootstrap, limit, e);
        } catch (Exception e) {
            throw unreachable(bootstrap, limit, e);
        }
    }

    private static ClusterException unreachable(String bootstrap, Duration limit, Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new ClusterException("""
                Kafka 브로커에 연결할 수 없습니다 (spring.kafka.bootstrap-servers=%s): %d초 안에 응답이 없었습니다 (%s).
                  주소가 맞는지, 클러스터가 떠 있는지 확인하세요: ./course cluster status (꺼져 있으면 ./course cluster up)"""
                .formatted(bootstrap, limit.toSeconds(), cause.getClass().getSimpleName()));
    }
}
