package kafkacourse.kit.cluster;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one cluster of this JVM, shared by every test class and notebook cell.
 *
 * <ol>
 *   <li>{@code -Dkafka.cluster=testcontainers}: a 3-node cluster in Docker containers (skipped with a Korean
 *       reason when there is no Docker engine or no Testcontainers on the classpath).</li>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} set: an external cluster (docker compose, a workshop cluster, a managed
 *       service; {@code KAFKA_CLIENT_CONFIG} adds security settings). See {@link ExternalKafkaCluster}.</li>
 *   <li>If the learner's interactive cluster ({@code ./course cluster up}) is running, reuse it.</li>
 *   <li>In a Maven build that names one ({@code -Dcourse.build.cluster}), the build's one cluster, started by the
 *       first test JVM and owned by the Maven JVM ({@link BuildCluster}).</li>
 *   <li>Otherwise start a private 3-node cluster under {@code target/kafka-cluster}; it dies with this JVM.</li>
 * </ol>
 * {@code -Dcourse.cluster=private} (the kit's own tests) or {@code -Dkafka.cluster=local} skips steps 2 and 3.
 */
public final class CourseCluster {

    /** System property choosing the mode: {@code testcontainers}, {@code external}, {@code local}; unset: automatic. */
    public static final String MODE_PROPERTY = "kafka.cluster";

    private static KafkaCluster shared;
    private static RuntimeException failure;

    private CourseCluster() {
    }

    public static synchronized KafkaCluster shared() {
        if (shared == null) {
            if (failure != null) {
                throw failure; // e.g. no Docker engine: every test class gets the same reason, without a new attempt
            }
            try {
                shared = connect();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * A cluster that is already running, without starting one: the external cluster of {@code KAFKA_BOOTSTRAP_SERVERS}
     * or the interactive cluster of {@code ./course cluster up}. For the instructor's room view and similar tools.
     * The caller closes it.
     */
    public static Optional<KafkaCluster> running() {
        Optional<ExternalKafkaCluster> external = ExternalKafkaCluster.fromEnvironment();
        if (external.isPresent()) {
            return Optional.of(external.get());
        }
        return LocalKafkaCluster.attach(ClusterHome.interactive()).map(KafkaCluster.class::cast);
    }

    private static KafkaCluster connect() {
        String mode = System.getProperty(MODE_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        boolean privateOnly = "private".equals(System.getProperty("course.cluster")) || "local".equals(mode);
        switch (mode) {
            case "", "local", "external", "testcontainers" -> {
                // known modes
            }
            default -> throw new IllegalArgumentException(
                    "알 수 없는 클러스터 모드입니다: -D" + MODE_PROPERTY + "=" + mode + " (가능한 값: local, external, testcontainers)");
        }
        if ("testcontainers".equals(mode)) {
            return startTestcontainers();
        }
        if (!privateOnly) {
            Optional<ExternalKafkaCluster> external = ExternalKafkaCluster.fromEnvironment();
            if (external.isPresent()) {
                ExternalKafkaCluster cluster = external.get();
                System.out.println("[강좌 클러스터] 외부 클러스터를 사용합니다: " + cluster.bootstrapServers()
                        + (cluster.canControlBrokers() ? " (브로커 제어: 가능)" : " (브로커 제어: 불가 — 브로커를 끄는 테스트는 건너뜁니다)"));
                return cluster;
            }
            if ("external".equals(mode)) {
                throw new ClusterException("-D" + MODE_PROPERTY + "=external 인데 " + ExternalKafkaCluster.BOOTSTRAP_ENV
                        + " 가 설정되지 않았습니다. 예: export " + ExternalKafkaCluster.BOOTSTRAP_ENV + "=127.0.0.1:29092,127.0.0.1:29093,127.0.0.1:29094");
            }
            Optional<LocalKafkaCluster> running = LocalKafkaCluster.attach(ClusterHome.interactive());
            if (running.isPresent()) {
                System.out.println("[강좌 클러스터] 실행 중인 클러스터를 사용합니다: " + running.get().bootstrapServers());
                return running.get();
            }
        }
        Optional<LocalKafkaCluster> build = BuildCluster.forThisBuild();
        if (build.isPresent()) {
            return build.get();
        }
        long started = System.nanoTime();
        LocalKafkaCluster cluster = LocalKafkaCluster.start(ClusterOptions.forTests());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "course-cluster-shutdown"));
        System.out.printf("[강좌 클러스터] 브로커 3개를 시작했습니다 (%.1f초): %s%n",
                (System.nanoTime() - started) / 1e9, cluster.bootstrapServers());
        return cluster;
    }

    /**
     * Testcontainers is a provided dependency of the kit (kept off the labs' classpath), so its cluster class is
     * reached only through reflection, and only after the library and a Docker engine are known to be there.
     */
    private static KafkaCluster startTestcontainers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException | LinkageError e) {
            throw unavailable("Testcontainers 라이브러리가 클래스패스에 없어 -D" + MODE_PROPERTY + "=testcontainers 모드를 쓸 수 없습니다. "
                    + "테스트 의존성에 org.testcontainers:testcontainers 를 추가하세요.");
        }
        try {
            Class<?> type = Class.forName("kafkacourse.kit.cluster.TestcontainersKafkaCluster");
            String reason = (String) type.getDeclaredMethod("dockerUnavailableReason").invoke(null);
            if (!reason.isEmpty()) {
                throw unavailable(reason);
            }
            long started = System.nanoTime();
            KafkaCluster cluster = (KafkaCluster) type.getDeclaredMethod("start").invoke(null);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "course-cluster-shutdown"));
            System.out.printf("[강좌 클러스터] Testcontainers 로 브로커 3개를 시작했습니다 (%.1f초): %s%n",
                    (System.nanoTime() - started) / 1e9, cluster.bootstrapServers());
            return cluster;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ClusterException("Testcontainers 클러스터를 시작하지 못했습니다.", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ClusterException("Testcontainers 클러스터 클래스를 불러오지 못했습니다.", e);
        }
    }

    /**
     * The mode cannot run on this machine. In a JUnit run this is an aborted (skipped) test with the Korean reason,
     * never a pass; elsewhere (notebook, CLI) a {@link ClusterException}. opentest4j is looked up reflectively
     * because notebooks do not have it.
     */
    static RuntimeException unavailable(String reason) {
        try {
            Class<?> aborted = Class.forName("org.opentest4j.TestAbortedException");
            return (RuntimeException) aborted.getConstructor(String.class).newInstance("[건너뜀] " + reason);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new ClusterException(reason);
        }
    }
}
