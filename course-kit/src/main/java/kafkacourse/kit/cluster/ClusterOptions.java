package kafkacourse.kit.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a local cluster. Validated when built; bad values are quoted back in Korean.
 *
 * @param home         directory holding node directories, configs, logs and the state file
 * @param nodes        number of KRaft nodes (broker + controller each)
 * @param basePort     0: free ports chosen at start; otherwise brokers listen on basePort.., controllers on basePort+10..
 * @param detached     true for {@code ./course cluster up}: brokers outlive the JVM that started them
 * @param startTimeout how long to wait for all brokers before failing with the broker logs named
 * @param brokerOverrides broker settings applied on top of {@link BrokerConfig#TUNING} (e.g. for a demo)
 */
public record ClusterOptions(Path home, int nodes, int basePort, boolean detached, Duration startTimeout,
                             Map<String, String> brokerOverrides) {

    public ClusterOptions {
        Objects.requireNonNull(home, "home");
        brokerOverrides = Map.copyOf(brokerOverrides);
        if (nodes < 1 || nodes > 5) {
            throw new IllegalArgumentException("노드 수는 1~5 사이여야 합니다: " + nodes);
        }
        if (basePort != 0 && (basePort < 1024 || basePort + 10 + nodes > 65535)) {
            throw new IllegalArgumentException("기준 포트는 1024~65500 사이여야 합니다(0이면 빈 포트 자동 선택): " + basePort);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("시작 대기 시간은 0보다 커야 합니다: " + startTimeout);
        }
    }

    /** A test JVM's private 3-node cluster on free ports, stopped with the JVM. */
    public static ClusterOptions forTests() {
        return new ClusterOptions(ClusterHome.forTests(), 3, 0, false, Duration.ofSeconds(120), Map.of());
    }

    /** The learner's interactive cluster ({@code ./course cluster up}). */
    public static ClusterOptions interactive(int basePort) {
        return new ClusterOptions(ClusterHome.interactive(), 3, basePort, true, Duration.ofSeconds(60), Map.of());
    }

    public ClusterOptions withHome(Path newHome) {
        return new ClusterOptions(newHome, nodes, basePort, detached, startTimeout, brokerOverrides);
    }

    public ClusterOptions withBasePort(int port) {
        return new ClusterOptions(home, nodes, port, detached, startTimeout, brokerOverrides);
    }

    public ClusterOptions withNodes(int count) {
        return new ClusterOptions(home, count, basePort, detached, startTimeout, brokerOverrides);
    }

    public ClusterOptions withBrokerOverrides(Map<String, String> overrides) {
        return new ClusterOptions(home, nodes, basePort, detached, startTimeout, overrides);
    }

    public ClusterOptions withStartTimeout(Duration timeout) {
        return new ClusterOptions(home, nodes, basePort, detached, timeout, brokerOverrides);
    }
}
