package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml must configure its brokers like the kit's own cluster. Read with a real YAML parser (anchors and
 * merge keys resolved, as Compose does), so a missing key is missing, not the string "None". No Docker needed.
 */
@DisplayName("docker-compose.yml 과 BrokerConfig 의 일치")
class ComposeFileTest {

    private static Map<String, Object> compose() throws IOException {
        Path root = Path.of(System.getProperty("course.root", ".."));
        Path file = Files.isRegularFile(root.resolve("docker-compose.yml")) ? root.resolve("docker-compose.yml") : Path.of("..", "docker-compose.yml");
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    private static Map<String, Map<String, Object>> brokers() throws IOException {
        return services().entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("apache/kafka:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of())).forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
        return env;
    }

    @Test
    @DisplayName("브로커 서비스는 kafka-1..3, 노드 번호 1..3, 하나의 CLUSTER_ID, 재시작 정책 없음")
    void threeBrokersOfOneCluster() throws IOException {
        Map<String, Map<String, Object>> brokers = brokers();
        assertThat(brokers).containsOnlyKeys("kafka-1", "kafka-2", "kafka-3");
        brokers.forEach((name, svc) -> {
            Map<String, String> env = environment(svc);
            assertThat(env.get("KAFKA_NODE_ID")).as(name + " 의 KAFKA_NODE_ID").isEqualTo(name.substring(name.length() - 1));
            assertThat(env.get("CLUSTER_ID")).as(name + " 의 CLUSTER_ID").isNotBlank();
            assertThat(String.valueOf(svc.getOrDefault("restart", "no"))).as(name + ": 실습이 kill 한 브로커는 꺼진 채로 있어야 함").isIn("no", "false");
            assertThat(svc.get("profiles")).as(name + " 은 기본 실행(docker compose up)에 포함되어야 함").isNull();
        });
        assertThat(brokers.values().stream().map(s -> environment(s).get("CLUSTER_ID")).distinct()).as("세 노드의 CLUSTER_ID").hasSize(1);
    }

    @Test
    @DisplayName("BrokerConfig.TUNING 의 모든 설정이 같은 값으로 모든 compose 브로커에 들어 있다")
    void everyTuningSettingIsInTheComposeFile() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        BrokerConfig.TUNING.forEach((k, v) -> expected.put(TestcontainersKafkaCluster.envName(k), v));
        for (Map.Entry<String, Map<String, Object>> broker : brokers().entrySet()) {
            assertThat(environment(broker.getValue()))
                    .as(broker.getKey() + " 의 KAFKA_* 환경 변수 (BrokerConfig.TUNING 과 같아야 함)").containsAllEntriesOf(expected);
        }
    }

    @Test
    @DisplayName("compose 의 apache/kafka 이미지 버전이 kafka-clients 버전과 같다")
    void imageVersionMatchesTheClients() throws IOException {
        assertThat(brokers().values()).extracting(s -> s.get("image")).containsOnly("apache/kafka:" + KafkaVersion.clients());
    }

    @Test
    @DisplayName("공개 포트는 모두 127.0.0.1 에만 묶이고, 웹 UI 는 ui 프로필에만 있다")
    @SuppressWarnings("unchecked")
    void portsAreLoopbackOnlyAndTheUiIsOptional() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> ports = services.values().stream()
                .flatMap(s -> ((List<Object>) s.getOrDefault("ports", List.of())).stream()).map(String::valueOf).toList();
        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).as("공개 포트 " + p).startsWith("127.0.0.1:"));
        assertThat(services).containsKey("kafka-ui");
        assertThat((List<String>) services.get("kafka-ui").get("profiles")).contains("ui");
    }

    @Test
    @DisplayName("속성 이름이 apache/kafka 이미지의 환경 변수 규칙으로 바뀐다")
    void propertyNamesBecomeImageEnvironmentNames() {
        assertThat(TestcontainersKafkaCluster.envName("log.cleaner.backoff.ms")).isEqualTo("KAFKA_LOG_CLEANER_BACKOFF_MS");
        assertThat(TestcontainersKafkaCluster.envName("a_b.c-d")).isEqualTo("KAFKA_A__B_C___D");
    }
}
