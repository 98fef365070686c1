package kafkacourse.kit.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka cluster a lab, a test or a notebook talks to. Obtain it with {@link CourseCluster#shared()} (tests:
 * {@code @KafkaLab} injects it). Broker control ({@link #kill}, {@link #stop}, {@link #start}) needs a cluster
 * the kit runs itself; see {@link #canControlBrokers()}.
 */
public interface KafkaCluster extends AutoCloseable {

    /** {@code bootstrap.servers} for clients, e.g. {@code 127.0.0.1:41231,127.0.0.1:41233,...}. */
    String bootstrapServers();

    /** Client settings every client of this cluster needs (bootstrap servers, plus security in external mode). */
    Properties clientProperties();

    /** A shared Admin client; do not close it. */
    Admin admin();

    /** The node ids of the cluster, e.g. [1, 2, 3]. */
    List<Integer> nodeIds();

    /** Nodes whose JVM is currently running. */
    Set<Integer> runningNodes();

    /** Whether this cluster's brokers can be killed and restarted by the kit (false for an external cluster). */
    boolean canControlBrokers();

    /**
     * True for a cluster that is thrown away with its owner (a test JVM's private cluster): nothing created on it
     * needs deleting. A reused or external cluster is not disposable.
     */
    default boolean isDisposable() {
        return false;
    }

    /** SIGKILL the node's JVM: no shutdown, no goodbye, like a power cut. Returns when the process is gone. */
    void kill(int nodeId);

    /** Stop the node gracefully (SIGTERM: controlled shutdown moves its leaderships first). */
    void stop(int nodeId);

    /** Start a stopped or killed node again; returns when it is running and unfenced. */
    void start(int nodeId);

    /** Start every node that is not running and wait until all are ready. Cheap when nothing is down. */
    void restoreAllNodes();

    /** Wait until every node is registered and unfenced (able to lead partitions). */
    void awaitAllBrokersReady();

    /** Create a topic and wait until every partition has a leader and a full ISR. */
    default void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        AdminSupport.createTopic(admin(), name, partitions, replicationFactor, configs, nodeIds().size());
    }

    /**
     * Create a one-partition topic whose replicas are exactly {@code replicas} (the first is the preferred leader) and
     * wait until its ISR is full and that first replica leads. For scenarios that must know which broker holds what.
     */
    default void createTopicOn(String name, List<Integer> replicas, Map<String, String> configs) {
        AdminSupport.createTopicOn(admin(), name, replicas, configs);
    }

    default void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    /** Current leader of a partition, or -1 while it has none. */
    default int leaderOf(String topic, int partition) {
        return AdminSupport.leaderOf(admin(), topic, partition);
    }

    /** Current in-sync replicas of a partition (the leader is not necessarily first). */
    default List<Integer> isrOf(String topic, int partition) {
        return AdminSupport.isrOf(admin(), topic, partition);
    }

    /** Replicas assigned to a partition. */
    default List<Integer> replicasOf(String topic, int partition) {
        return AdminSupport.replicasOf(admin(), topic, partition);
    }

    /** Wait until every partition of the topic has all its replicas in sync again. */
    default void awaitIsrFull(String topic, Duration atMost) {
        AdminSupport.awaitIsrFull(admin(), topic, atMost);
    }

    default void awaitIsrFull(String topic) {
        awaitIsrFull(topic, Duration.ofSeconds(30));
    }

    /** The node that is the active KRaft controller (leader of the metadata quorum). */
    default int activeController() {
        return AdminSupport.activeController(admin());
    }

    /** The broker's log file, to show a learner or to quote in an error. */
    java.nio.file.Path logFile(int nodeId);

    /** Stops what this JVM owns (a reused or external cluster keeps running). */
    @Override
    void close();
}
