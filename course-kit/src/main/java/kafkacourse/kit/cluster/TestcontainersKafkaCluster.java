package kafkacourse.kit.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code -Dkafka.cluster=testcontainers}: three KRaft nodes of the official {@code apache/kafka} image (the same
 * version as kafka-clients), configured like {@link LocalKafkaCluster} ({@link BrokerConfig#TUNING}), on a private
 * Docker network. Brokers can be killed and restarted (fixed host ports, so a restarted broker keeps its address).
 *
 * <p>Loaded only reflectively by {@link CourseCluster}: Testcontainers is a provided dependency of the kit, so this
 * class must never be touched when the mode is not asked for.
 */
final class TestcontainersKafkaCluster extends AdminBackedCluster {

    private static final int NODES = 3;
    private static final int CLIENT_PORT = 9092;
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Network network;
    private final Map<Integer, GenericContainer<?>> containers;
    private final String bootstrap;

    private TestcontainersKafkaCluster(Network network, Map<Integer, GenericContainer<?>> containers, String bootstrap,
                                       String image) {
        this(network, containers, bootstrap, image, bootstrapOnly(bootstrap));
    }

    private TestcontainersKafkaCluster(Network network, Map<Integer, GenericContainer<?>> containers, String bootstrap,
                                       String image, Properties client) {
        super(client, adminFor(client), List.copyOf(containers.keySet()),
                Optional.of(new ContainerBrokerControl(image, containers)), START_LIMIT);
        this.network = network;
        this.containers = containers;
        this.bootstrap = bootstrap;
    }

    private static Properties bootstrapOnly(String bootstrap) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** Empty when a Docker engine answers; otherwise the Korean reason (the caller skips). */
    static String dockerUnavailableReason() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? ""
                    : "Docker 엔진에 연결할 수 없어 Testcontainers 모드를 쓸 수 없습니다(docker 명령만 있고 엔진이 없거나, 엔진이 꺼져 있음).";
        } catch (RuntimeException | LinkageError e) {
            return "Docker 엔진 확인 중 오류가 나서 Testcontainers 모드를 쓸 수 없습니다: " + e;
        }
    }

    /** Start the cluster, called reflectively by {@link CourseCluster}. */
    public static KafkaCluster start() {
        String image = "apache/kafka:" + KafkaVersion.clients();
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        List<Integer> ports = LoopbackPorts.free(NODES);
        String clusterId = Uuid.randomUuid().toString();
        String voters = java.util.stream.IntStream.rangeClosed(1, NODES)
                .mapToObj(id -> id + "@kafka-" + id + ":9093").collect(Collectors.joining(","));
        Network network = Network.newNetwork();
        Map<Integer, GenericContainer<?>> containers = new LinkedHashMap<>();
        for (int id = 1; id <= NODES; id++) {
            int hostPort = ports.get(id - 1);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CLUSTER_ID", clusterId);
            env.put("KAFKA_NODE_ID", Integer.toString(id));
            env.put("KAFKA_PROCESS_ROLES", "broker,controller");
            env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", voters);
            env.put("KAFKA_LISTENERS", "BROKER://:19092,CONTROLLER://:9093,EXTERNAL://:" + CLIENT_PORT);
            env.put("KAFKA_ADVERTISED_LISTENERS", "BROKER://kafka-" + id + ":19092,EXTERNAL://" + host + ":" + hostPort);
            env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT,EXTERNAL:PLAINTEXT");
            env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
            env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
            env.put("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m");
            BrokerConfig.TUNING.forEach((k, v) -> env.put(envName(k), v));
            containers.put(id, new KafkaNode(image, hostPort).withNetwork(network).withNetworkAliases("kafka-" + id)
                    .withEnv(env).waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1))
                    .withStartupTimeout(START_LIMIT));
        }
        try {
            // In parallel: a combined node waits for a controller quorum, which needs a majority of the three.
            Startables.deepStart(containers.values()).join();
        } catch (RuntimeException e) {
            containers.values().forEach(GenericContainer::stop);
            network.close();
            throw new ClusterException("Testcontainers 로 브로커 컨테이너를 시작하지 못했습니다 (이미지 " + image + ").", e);
        }
        String bootstrap = ports.stream().map(p -> host + ":" + p).collect(Collectors.joining(","));
        TestcontainersKafkaCluster cluster = new TestcontainersKafkaCluster(network, containers, bootstrap, image);
        cluster.awaitAllBrokersReady();
        return cluster;
    }

    /** {@code log.cleaner.backoff.ms} → {@code KAFKA_LOG_CLEANER_BACKOFF_MS} (the apache/kafka image's rule). */
    static String envName(String property) {
        return "KAFKA_" + property.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** A broker container whose client port is bound to a fixed host port, so it survives a restart. */
    private static final class KafkaNode extends GenericContainer<KafkaNode> {
        KafkaNode(String image, int hostPort) {
            super(DockerImageName.parse(image));
            addFixedExposedPort(hostPort, CLIENT_PORT);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public boolean isDisposable() {
        return true; // the containers go with this JVM
    }

    @Override
    RuntimeException noBrokerControl(String what, int nodeId) {
        return new IllegalStateException("Testcontainers 클러스터는 언제나 브로커를 제어할 수 있습니다"); // never: the control is always there
    }

    @Override
    String whereToLookWithoutControl() {
        return "docker ps";
    }

    @Override
    public Path logFile(int nodeId) {
        requireNode(nodeId);
        throw new ClusterException("Testcontainers 브로커의 로그는 컨테이너 안에 있습니다. 보기: "
                + brokerControl().orElseThrow().howToReadLog(nodeId));
    }

    /** Stops and removes the containers and the network (Testcontainers' reaper also does it if this JVM is killed). */
    @Override
    public void close() {
        super.close();
        containers.values().forEach(GenericContainer::stop);
        network.close();
    }
}
