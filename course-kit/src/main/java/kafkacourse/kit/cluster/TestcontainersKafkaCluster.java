package kafkacourse.kit.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.internals.AppInfoParser;
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
final class TestcontainersKafkaCluster implements KafkaCluster {

    private static final int NODES = 3;
    private static final int CLIENT_PORT = 9092;
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Network network;
    private final Map<Integer, GenericContainer<?>> containers;
    private final String bootstrap;
    private final Admin admin;

    private TestcontainersKafkaCluster(Network network, Map<Integer, GenericContainer<?>> containers, String bootstrap) {
        this.network = network;
        this.containers = containers;
        this.bootstrap = bootstrap;
        Properties p = clientProperties();
        AdminSupport.tuneAdmin(p);
        this.admin = Admin.create(p);
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
        String image = "apache/kafka:" + AppInfoParser.getVersion();
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
        TestcontainersKafkaCluster cluster = new TestcontainersKafkaCluster(network, containers, bootstrap);
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

    private GenericContainer<?> container(int nodeId) {
        GenericContainer<?> c = containers.get(nodeId);
        if (c == null) {
            throw new IllegalArgumentException("이 클러스터에 없는 노드 번호입니다: " + nodeId + " (있는 노드: " + nodeIds() + ")");
        }
        return c;
    }

    private boolean isRunning(int nodeId) {
        Boolean running = DockerClientFactory.instance().client().inspectContainerCmd(container(nodeId).getContainerId())
                .exec().getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    @Override
    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public List<Integer> nodeIds() {
        return List.copyOf(containers.keySet());
    }

    @Override
    public Set<Integer> runningNodes() {
        return containers.keySet().stream().filter(this::isRunning).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public boolean canControlBrokers() {
        return true;
    }

    @Override
    public void kill(int nodeId) {
        if (isRunning(nodeId)) {
            DockerClientFactory.instance().client().killContainerCmd(container(nodeId).getContainerId()).withSignal("SIGKILL").exec();
        }
    }

    @Override
    public void stop(int nodeId) {
        if (isRunning(nodeId)) {
            DockerClientFactory.instance().client().stopContainerCmd(container(nodeId).getContainerId()).withTimeout(30).exec();
        }
    }

    @Override
    public void start(int nodeId) {
        if (!isRunning(nodeId)) {
            DockerClientFactory.instance().client().startContainerCmd(container(nodeId).getContainerId()).exec();
        }
        AdminSupport.awaitBrokers(admin, Set.of(nodeId), START_LIMIT, "docker logs " + container(nodeId).getContainerId());
    }

    @Override
    public void restoreAllNodes() {
        for (int id : containers.keySet()) {
            if (!isRunning(id)) {
                DockerClientFactory.instance().client().startContainerCmd(container(id).getContainerId()).exec();
            }
        }
        awaitAllBrokersReady();
    }

    @Override
    public void awaitAllBrokersReady() {
        AdminSupport.awaitBrokers(admin, containers.keySet(), START_LIMIT, "docker ps 와 각 컨테이너의 docker logs");
    }

    @Override
    public Path logFile(int nodeId) {
        throw new ClusterException("Testcontainers 브로커의 로그는 컨테이너 안에 있습니다. 보기: docker logs " + container(nodeId).getContainerId());
    }

    /** Stops and removes the containers and the network (Testcontainers' reaper also does it if this JVM is killed). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        containers.values().forEach(GenericContainer::stop);
        network.close();
    }
}
