package kafkacourse.kit.cluster;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Broker control of a {@link TestcontainersKafkaCluster}: node N is one container, killed (SIGKILL), stopped and
 * started again through the Docker API. Loaded only with that cluster (Testcontainers is a provided dependency).
 */
final class ContainerBrokerControl implements BrokerControl {

    private static final int STOP_TIMEOUT_SECONDS = 30;

    private final String image;
    private final Map<Integer, GenericContainer<?>> containers;

    ContainerBrokerControl(String image, Map<Integer, GenericContainer<?>> containers) {
        this.image = image;
        this.containers = Map.copyOf(containers);
    }

    @Override
    public String describe() {
        return "Testcontainers (" + image + ")";
    }

    @Override
    public void kill(int nodeId) {
        if (isRunning(nodeId)) {
            DockerClientFactory.instance().client().killContainerCmd(id(nodeId)).withSignal("SIGKILL").exec();
        }
    }

    @Override
    public void stop(int nodeId) {
        if (isRunning(nodeId)) {
            DockerClientFactory.instance().client().stopContainerCmd(id(nodeId)).withTimeout(STOP_TIMEOUT_SECONDS).exec();
        }
    }

    @Override
    public void start(int nodeId) {
        if (!isRunning(nodeId)) {
            DockerClientFactory.instance().client().startContainerCmd(id(nodeId)).exec();
        }
    }

    @Override
    public Set<Integer> running() {
        Set<Integer> running = new TreeSet<>();
        containers.keySet().stream().filter(this::isRunning).forEach(running::add);
        return running;
    }

    @Override
    public String howToReadLog(int nodeId) {
        return "docker logs " + id(nodeId);
    }

    @Override
    public String howToCheckAll() {
        return "docker ps 와 각 컨테이너의 docker logs";
    }

    private boolean isRunning(int nodeId) {
        Boolean running = DockerClientFactory.instance().client().inspectContainerCmd(id(nodeId)).exec().getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    private String id(int nodeId) {
        GenericContainer<?> c = containers.get(nodeId);
        if (c == null) {
            throw new IllegalArgumentException("이 클러스터에 없는 노드 번호입니다: " + nodeId + " (있는 노드: " + new TreeSet<>(containers.keySet()) + ")");
        }
        return c.getContainerId();
    }
}
