package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.CommonClientConfigs;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.admin.Admin;

/**
 * A Kafka cluster the kit only connects to: docker compose, an instructor's workshop cluster or a managed service.
 * Configured by environment:
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}: e.g. {@code 127.0.0.1:29092,127.0.0.1:29093,127.0.0.1:29094} (required)</li>
 *   <li>{@code KAFKA_CLIENT_CONFIG}: a client properties file merged into every client (security.protocol,
 *       sasl.*, ssl.*); the same file works with Kafka's own command-line tools ({@code --command-config})</li>
 *   <li>{@code KAFKA_COMPOSE_FILE}: the docker-compose.yml the cluster was started from; when {@code docker compose}
 *       works, brokers can be killed and restarted through it ({@code kafka-N} is node N)</li>
 * </ul>
 * Without broker control, {@link #kill}/{@link #stop}/{@link #start} refuse with a Korean reason: in a JUnit run as
 * an aborted (skipped) test, elsewhere as a {@link ClusterException}. Tests that need them should say so up front
 * with {@code @RequiresBrokerControl}, so that they are skipped before doing anything. Node checks, start-and-wait,
 * restoring and readiness are {@link AdminBackedCluster}'s.
 */
public final class ExternalKafkaCluster extends AdminBackedCluster {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String CLIENT_CONFIG_ENV = "KAFKA_CLIENT_CONFIG";
    public static final String COMPOSE_FILE_ENV = "KAFKA_COMPOSE_FILE";
    /** How long the first contact may take: 20 s, or {@code -Dcourse.connect.seconds} (a room of JVMs starting on a busy machine). */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(Long.getLong("course.connect.seconds", 20));
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    /**
     * Where the cluster is and how to reach it.
     *
     * @param bootstrapServers {@code host:port,...}
     * @param clientConfig     optional client properties file (security settings)
     * @param composeFile      optional docker-compose.yml for broker control
     */
    public record Settings(String bootstrapServers, Optional<Path> clientConfig, Optional<Path> composeFile) {

        public Settings {
            Objects.requireNonNull(clientConfig, "clientConfig");
            Objects.requireNonNull(composeFile, "composeFile");
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException(BOOTSTRAP_ENV + " 가 비어 있습니다. 예: 127.0.0.1:29092,127.0.0.1:29093,127.0.0.1:29094");
            }
            bootstrapServers = bootstrapServers.strip();
            for (String server : bootstrapServers.split(",")) {
                if (!server.strip().matches(".+:\\d{1,5}")) {
                    throw new IllegalArgumentException(BOOTSTRAP_ENV + " 의 주소는 host:port 형식이어야 합니다: '" + server.strip() + "'");
                }
            }
        }

        /** The settings from the environment, or empty when {@code KAFKA_BOOTSTRAP_SERVERS} is not set. */
        public static Optional<Settings> from(Map<String, String> env) {
            String bootstrap = env.get(BOOTSTRAP_ENV);
            if (bootstrap == null || bootstrap.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Settings(bootstrap, path(env.get(CLIENT_CONFIG_ENV)), path(env.get(COMPOSE_FILE_ENV))));
        }

        private static Optional<Path> path(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
        }
    }

    private final Settings settings;
    private final String noControlReason;

    private ExternalKafkaCluster(Settings settings, Properties clientProperties, Admin admin, List<Integer> nodeIds,
                                 Optional<BrokerControl> control, String noControlReason) {
        super(clientProperties, admin, nodeIds, control, START_LIMIT);
        this.settings = settings;
        this.noControlReason = noControlReason;
    }

    /** The cluster named by the environment, connected, or empty when {@code KAFKA_BOOTSTRAP_SERVERS} is not set. */
    public static Optional<ExternalKafkaCluster> fromEnvironment() {
        return Settings.from(System.getenv()).map(ExternalKafkaCluster::connect);
    }

    /** Connect (and fail within 20 s with a Korean message when the cluster does not answer). */
    public static ExternalKafkaCluster connect(Settings settings) {
        return connect(settings, CONNECT_LIMIT);
    }

    /** As {@link #connect(Settings)}, with another limit for the first contact (tests of a silent listener). */
    static ExternalKafkaCluster connect(Settings settings, Duration limit) {
        try {
            UniqueNames.learnerPrefix(); // fails early, in Korean, on a name Kafka cannot use
        } catch (IllegalArgumentException e) {
            throw new ClusterException(e.getMessage());
        }
        Properties client = clientProperties(settings);
        warnIfLearnerIsNotTheLogin(client);
        Admin admin = adminFor(client);
        List<Integer> ids;
        try {
            ids = List.copyOf(new TreeSet<>(admin.describeCluster(new org.apache.kafka.clients.admin.DescribeClusterOptions()
                            .timeoutMs((int) limit.toMillis())).nodes()
                    .get(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).stream()
                    .map(org.apache.kafka.common.Node::id).toList()));
        } catch (Exception e) {
            admin.close(Duration.ofSeconds(2));
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            java.util.Optional<String> security = SecurityErrors.explain(cause)
                    .or(() -> SecurityErrors.explainSilence(cause, client.containsKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)));
            if (security.isPresent()) {
                throw new ClusterException("외부 Kafka 클러스터(" + settings.bootstrapServers() + ")에 접속하지 못했습니다.\n" + security.get(), cause);
            }
            throw new ClusterException("""
                    외부 Kafka 클러스터(%s)에 %d초 안에 연결하지 못했습니다.
                      확인: 주소와 포트, 클러스터가 떠 있는지(docker compose ps), 보안 설정(%s=%s).
                      원인: %s""".formatted(settings.bootstrapServers(), limit.toSeconds(), CLIENT_CONFIG_ENV,
                    settings.clientConfig().map(Path::toString).orElse("(없음)"), cause));
        }
        Optional<BrokerControl> control = Optional.empty();
        String reason = "외부 클러스터(" + BOOTSTRAP_ENV + ")는 강좌 도구가 브로커를 끄고 켤 수 없습니다. "
                + "docker compose 로 띄웠다면 " + COMPOSE_FILE_ENV + "=docker-compose.yml 을 설정하면 이 테스트도 실행됩니다.";
        if (settings.composeFile().isPresent()) {
            ComposeBrokerControl.Probe probe = ComposeBrokerControl.probe(settings.composeFile().get(), Set.copyOf(ids));
            control = probe.control();
            if (control.isEmpty()) {
                reason = "docker compose 로 브로커를 제어할 수 없습니다: " + probe.reason();
            }
        }
        return new ExternalKafkaCluster(settings, client, admin, ids, control, control.isPresent() ? "" : reason);
    }

    /**
     * On a secure room cluster the ACLs allow a learner only names starting with its login name: a different
     * {@code COURSE_LEARNER} would make every topic creation fail with an authorization error, so say it up front.
     */
    private static void warnIfLearnerIsNotTheLogin(Properties client) {
        String learner = System.getenv("COURSE_LEARNER");
        ScramCredentials.fromClientProperties(client).map(ScramCredentials::user)
                .filter(user -> learner != null && !learner.isBlank() && !user.equals(learner.strip()))
                .ifPresent(user -> System.err.println("[강좌 클러스터] 주의: 로그인 사용자는 " + user + " 인데 COURSE_LEARNER=" + learner.strip()
                        + " 입니다. 워크숍 보안 클러스터에서는 이름 앞머리가 로그인 이름과 같아야 토픽을 만들 수 있습니다 (export COURSE_LEARNER=" + user + ")."));
    }

    private static Properties clientProperties(Settings settings) {
        Properties p = new Properties();
        if (settings.clientConfig().isPresent()) {
            Path file = settings.clientConfig().get();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new ClusterException(CLIENT_CONFIG_ENV + " 파일을 읽을 수 없습니다: " + file.toAbsolutePath(), e);
            }
        }
        // The environment names the cluster; a bootstrap.servers line in the file would silently point elsewhere.
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return p;
    }

    /** The settings this cluster was connected with. */
    public Settings settings() {
        return settings;
    }

    /** Why brokers cannot be controlled (Korean, for a skipped test), or empty when they can. */
    public String whyNoBrokerControl() {
        return noControlReason;
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /**
     * In a test JVM this aborts the test (reported as skipped with the reason, never passed) even when the test forgot
     * {@code @RequiresBrokerControl}; in a notebook it is a ClusterException with the same Korean text.
     */
    @Override
    RuntimeException noBrokerControl(String what, int nodeId) {
        return CourseCluster.unavailable("노드 " + nodeId + " 을(를) " + what + " 수 없습니다. " + noControlReason);
    }

    @Override
    String whereToLookWithoutControl() {
        return "외부 클러스터 " + bootstrapServers() + " 의 상태";
    }

    /** An external broker's log is on its own machine: the message says how to read it. */
    @Override
    public Path logFile(int nodeId) {
        throw new ClusterException("외부 클러스터의 브로커 로그는 이 컴퓨터의 파일이 아닙니다. "
                + brokerControl().map(c -> "보기: " + c.howToReadLog(nodeId)).orElse("클러스터 운영자에게 노드 " + nodeId + " 의 로그를 요청하세요."));
    }

    @Override
    public String toString() {
        return "외부 클러스터 " + bootstrapServers() + brokerControl().map(c -> " (브로커 제어: " + c.describe() + ")").orElse("");
    }
}
