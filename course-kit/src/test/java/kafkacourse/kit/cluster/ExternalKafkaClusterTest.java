package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.junit.BrokerControlAssumption;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * External mode against a real cluster started separately (the JVM's private local cluster plays the role of a
 * docker-compose or workshop cluster): the kit connects by address only, with a client properties file.
 */
@DisplayName("클러스터: 외부 모드 (KAFKA_BOOTSTRAP_SERVERS)")
class ExternalKafkaClusterTest {

    private static KafkaCluster local;
    private static ExternalKafkaCluster external;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void connect() throws Exception {
        local = CourseCluster.shared();
        Path clientConfig = tmp.resolve("client.properties");
        Files.writeString(clientConfig, """
                # what a workshop's client.properties holds (PLAINTEXT here; SASL_SSL on a managed cluster)
                security.protocol=PLAINTEXT
                client.dns.lookup=use_all_dns_ips
                # must not win over KAFKA_BOOTSTRAP_SERVERS
                bootstrap.servers=127.0.0.1:1
                """);
        external = ExternalKafkaCluster.connect(new ExternalKafkaCluster.Settings(local.bootstrapServers(),
                Optional.of(clientConfig), Optional.empty()));
    }

    @AfterAll
    static void close() {
        if (external != null) {
            external.close();
        }
    }

    @Test
    @DisplayName("설정은 환경 변수에서 읽고, 주소가 없으면 외부 모드가 아니다")
    void settingsComeFromTheEnvironment() {
        assertThat(ExternalKafkaCluster.Settings.from(Map.of())).isEmpty();
        ExternalKafkaCluster.Settings s = ExternalKafkaCluster.Settings.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " 127.0.0.1:29092,127.0.0.1:29093 ",
                "KAFKA_CLIENT_CONFIG", "client.properties",
                "KAFKA_COMPOSE_FILE", "docker-compose.yml")).orElseThrow();
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:29092,127.0.0.1:29093");
        assertThat(s.clientConfig()).contains(Path.of("client.properties"));
        assertThat(s.composeFile()).contains(Path.of("docker-compose.yml"));
        assertThatThrownBy(() -> new ExternalKafkaCluster.Settings("localhost", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
    }

    @Test
    @DisplayName("클라이언트 설정 파일이 모든 클라이언트 설정에 합쳐지고, 주소는 환경 변수가 이긴다")
    void clientConfigIsMergedAndTheEnvironmentNamesTheCluster() {
        Properties p = external.clientProperties();
        assertThat(p).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")
                .containsEntry(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips")
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers());
        p.put("mutated", "yes");
        assertThat(external.clientProperties()).as("호출마다 새 복사본").doesNotContainKey("mutated");
    }

    @Test
    @DisplayName("외부 클러스터에서도 토픽 생성, 리더/ISR 조회, 발행/읽기가 된다")
    void adminAndClientsWork() throws Exception {
        String topic = "external-" + System.nanoTime();
        external.createTopic(topic, 3, 3);
        assertThat(external.nodeIds()).containsExactly(1, 2, 3);
        assertThat(external.runningNodes()).containsExactly(1, 2, 3);
        assertThat(external.replicasOf(topic, 0)).hasSize(3).contains(external.leaderOf(topic, 0));
        assertThat(external.isrOf(topic, 1)).hasSize(3);
        assertThat(external.activeController()).isIn(1, 2, 3);
        external.awaitIsrFull(topic, Duration.ofSeconds(10));

        Properties p = external.clientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
        assertThat(TopicReader.readAll(external, topic)).extracting(r -> r.key() + "=" + r.value()).containsExactly("k=v");
    }

    @Test
    @DisplayName("브로커를 제어할 수 없으면 kill/stop/start 는 테스트를 '건너뜀'으로 끝내고 복구는 아무 일도 안 한다")
    void brokerControlIsRefusedWithAReason() {
        assertThat(external.canControlBrokers()).isFalse();
        assertThatThrownBy(() -> external.kill(1)).as("JUnit 안에서는 실패가 아니라 건너뜀(TestAbortedException)")
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("강제 종료할 수 없습니다").hasMessageContaining("KAFKA_COMPOSE_FILE");
        assertThatThrownBy(() -> external.stop(2)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> external.start(3)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> external.kill(7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
        external.restoreAllNodes();
        assertThat(local.runningNodes()).as("외부 모드는 브로커를 건드리지 않는다").containsExactly(1, 2, 3);
        assertThatThrownBy(() -> external.logFile(1)).isInstanceOf(ClusterException.class).hasMessageContaining("로그");
    }

    @Test
    @DisplayName("브로커 제어가 필요한 테스트는 통과가 아니라 '건너뜀'이 되고 이유가 보인다")
    void brokerControlTestsAreSkippedNotPassed() {
        assertThatThrownBy(() -> BrokerControlAssumption.assume(external)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("[건너뜀]").hasMessageContaining("KAFKA_COMPOSE_FILE");
        BrokerControlAssumption.assume(local); // a cluster the kit runs: no skip
    }

    @Test
    @DisplayName("compose 파일이 있어도 Docker 엔진이 없으면 브로커 제어 없이 연결되고 이유를 말한다")
    void composeWithoutAnEngineExplainsWhy() {
        Path compose = Path.of(System.getProperty("course.root", "..")).resolve("docker-compose.yml");
        try (ExternalKafkaCluster viaCompose = ExternalKafkaCluster.connect(new ExternalKafkaCluster.Settings(
                local.bootstrapServers(), Optional.empty(), Optional.of(compose)))) {
            if (viaCompose.canControlBrokers()) {
                throw new TestAbortedException("이 컴퓨터에는 Docker 엔진이 있습니다: 엔진이 없는 경우는 확인할 수 없음");
            }
            assertThat(viaCompose.whyNoBrokerControl()).contains("docker compose");
        }
        try (ExternalKafkaCluster missing = ExternalKafkaCluster.connect(new ExternalKafkaCluster.Settings(
                local.bootstrapServers(), Optional.empty(), Optional.of(tmp.resolve("nope.yml"))))) {
            assertThat(missing.canControlBrokers()).isFalse();
            assertThat(missing.whyNoBrokerControl()).contains("파일이 없습니다");
        }
    }

    @Test
    @DisplayName("학습자 이름은 토픽 이름에 쓸 수 있는 글자만 허용한다")
    void learnerNamesMustBeValidTopicPrefixes() {
        kafkacourse.kit.names.UniqueNames.prefixFor("kim-minsu_2");
        kafkacourse.kit.names.UniqueNames.prefixFor(null);
        assertThatThrownBy(() -> kafkacourse.kit.names.UniqueNames.prefixFor("김민수")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("영문자");
    }

    @Test
    @DisplayName("Testcontainers 모드: Docker 엔진이 없으면 이유를 담은 '건너뜀'이 된다")
    void testcontainersWithoutDockerIsAnAbortNotAFailure() throws Exception {
        String reason = TestcontainersKafkaCluster.dockerUnavailableReason();
        if (reason.isEmpty()) {
            throw new TestAbortedException("이 컴퓨터에는 Docker 엔진이 있습니다");
        }
        assertThat(reason).contains("Docker");
        assertThat(CourseCluster.unavailable(reason)).isInstanceOf(TestAbortedException.class).hasMessageContaining(reason);
    }
}
