package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docker-compose.yml must configure its brokers like the kit's own cluster (no Docker needed: the file is read). */
@DisplayName("docker-compose.yml 과 BrokerConfig 의 일치")
class ComposeFileTest {

    private static final Pattern ENV_LINE = Pattern.compile("^\\s+(KAFKA_[A-Z0-9_]+|CLUSTER_ID):\\s*\"?([^\"#]*?)\"?\\s*$");

    private static String composeFile() throws IOException {
        Path root = Path.of(System.getProperty("course.root", ".."));
        Path file = root.resolve("docker-compose.yml");
        return Files.readString(Files.isRegularFile(file) ? file : Path.of("..", "docker-compose.yml"));
    }

    private static Map<String, String> environment(String compose) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : compose.split("\n")) {
            Matcher m = ENV_LINE.matcher(line);
            if (m.matches()) {
                env.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return env;
    }

    @Test
    @DisplayName("BrokerConfig.TUNING 의 모든 설정이 같은 값으로 compose 브로커에 들어 있다")
    void everyTuningSettingIsInTheComposeFile() throws IOException {
        Map<String, String> env = environment(composeFile());
        Map<String, String> expected = new LinkedHashMap<>();
        BrokerConfig.TUNING.forEach((k, v) -> expected.put(TestcontainersKafkaCluster.envName(k), v));

        assertThat(env).as("docker-compose.yml 의 KAFKA_* 환경 변수 (BrokerConfig.TUNING 과 같아야 함)").containsAllEntriesOf(expected);
    }

    @Test
    @DisplayName("compose 의 apache/kafka 이미지 버전이 kafka-clients 버전과 같다")
    void imageVersionMatchesTheClients() throws IOException {
        assertThat(composeFile()).contains("image: apache/kafka:" + AppInfoParser.getVersion())
                .doesNotContainPattern("image: apache/kafka:(?!" + Pattern.quote(AppInfoParser.getVersion()) + ")");
    }

    @Test
    @DisplayName("속성 이름이 apache/kafka 이미지의 환경 변수 규칙으로 바뀐다")
    void propertyNamesBecomeImageEnvironmentNames() {
        assertThat(TestcontainersKafkaCluster.envName("log.cleaner.backoff.ms")).isEqualTo("KAFKA_LOG_CLEANER_BACKOFF_MS");
        assertThat(TestcontainersKafkaCluster.envName("a_b.c-d")).isEqualTo("KAFKA_A__B_C___D");
    }
}
