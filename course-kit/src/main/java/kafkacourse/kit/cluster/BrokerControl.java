package kafkacourse.kit.cluster;

import java.util.Set;

/**
 * How the kit kills and restarts a cluster's brokers, one strategy per way of running them: child processes on this
 * machine ({@link ChildProcessBrokerControl}, {@link LocalKafkaCluster}), docker compose ({@link ComposeBrokerControl})
 * and Testcontainers ({@link ContainerBrokerControl}); used by {@link AdminBackedCluster}. An
 * {@link ExternalKafkaCluster} without one cannot control brokers: tests that need it are skipped with a Korean reason
 * ({@code @RequiresBrokerControl}).
 */
interface BrokerControl {

    /** A short Korean name of the mechanism, e.g. "docker compose (docker-compose.yml)". */
    String describe();

    /** SIGKILL the node; returns when it no longer runs. */
    void kill(int nodeId);

    /** Stop the node gracefully. */
    void stop(int nodeId);

    /** Start the node's process/container again (the caller waits until the broker is unfenced). */
    void start(int nodeId);

    /** Nodes whose process/container runs now. */
    Set<Integer> running();

    /** Where a learner reads the node's broker log. */
    String howToReadLog(int nodeId);

    /** Where to look when the brokers do not all become ready, e.g. {@code docker compose (…) ps}. */
    default String howToCheckAll() {
        return describe() + " ps";
    }
}
