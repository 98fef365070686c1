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

    /**
     * The one bound for anything that waits on a cluster change (a new leader, an ISR that shrinks or fills again, a
     * restarted broker). A leader failover takes 1–3 s here; the bound is ten times that because a 2-core machine may
     * run several clusters at once. Only a ceiling for waits, never a timing assertion.
     */
    Duration CLUSTER_CHANGE = Duration.ofSeconds(30);

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

    /**
     * Create a topic whose partition {@code p} has exactly the replicas {@code replicas.get(p)} (the first leads) and
     * wait until every ISR is full and every first replica leads.
     */
    default void createTopicWithAssignment(String name, Map<Integer, List<Integer>> replicas, Map<String, String> configs) {
        AdminSupport.createTopicWithAssignment(admin(), name, replicas, configs);
    }

    default void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    /** How many partitions the topic has now (as the controller's metadata says). */
    default int partitionCount(String topic) {
        return AdminSupport.describe(admin(), topic).partitions().size();
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
        awaitIsrFull(topic, CLUSTER_CHANGE);
    }

    /**
     * Waits (at most {@link #CLUSTER_CHANGE}) until the ISR of the partition has exactly {@code size} replicas and
     * returns it; a timeout fails with an Awaitility timeout naming the topic, the partition and the size.
     */
    default List<Integer> awaitIsr(String topic, int partition, int size) {
        return AdminSupport.awaitIsrSize(admin(), topic, partition, size, CLUSTER_CHANGE);
    }

    /** Waits (at most {@link #CLUSTER_CHANGE}) until {@code nodeId} leads the partition. */
    default void awaitLeader(String topic, int partition, int nodeId) {
        org.awaitility.Awaitility.await("토픽 " + topic + " 파티션 " + partition + " 의 리더가 " + nodeId + "번 브로커가 되기를")
                .atMost(CLUSTER_CHANGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> leaderOf(topic, partition) == nodeId);
    }

    /** The end offset (the offset the next record will get) of every partition of the topic, ordered by partition. */
    default Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(String topic) {
        return AdminSupport.endOffsets(admin(), topic);
    }

    /** The group's committed offsets by partition, ordered by partition (partitions without a commit are left out). */
    default Map<org.apache.kafka.common.TopicPartition, Long> committedOffsets(String groupId) {
        return AdminSupport.committedOffsets(admin(), groupId);
    }

    /**
     * The consumer group as its coordinator sees it (state, members, their assignments), or empty while no member has
     * joined a group of that id yet.
     */
    default java.util.Optional<org.apache.kafka.clients.admin.ConsumerGroupDescription> describeGroup(String groupId) {
        return AdminSupport.describeGroup(admin(), groupId);
    }

    /** How many members of the consumer group currently hold at least one partition (0 for an unknown group). */
    default int membersHoldingPartitions(String groupId) {
        return describeGroup(groupId).map(d -> (int) d.members().stream()
                .filter(m -> !m.assignment().topicPartitions().isEmpty()).count()).orElse(0);
    }

    /** How many members the share group has now (0 while nobody has joined it). */
    default int shareGroupMembers(String groupId) {
        return AdminSupport.shareGroupMembers(admin(), groupId);
    }

    /** Sets one dynamic config of a group, e.g. {@code share.auto.offset.reset=earliest} for a new share group. */
    default void setGroupConfig(String groupId, String name, String value) {
        setGroupConfigs(groupId, Map.of(name, value));
    }

    /** Sets several dynamic configs of a group in one request (e.g. a share group's start and lock duration). */
    default void setGroupConfigs(String groupId, Map<String, String> configs) {
        AdminSupport.setGroupConfigs(admin(), groupId, configs);
    }

    /**
     * Node ids that are not the active KRaft controller: stopping or killing one of them moves partition leaders but
     * never the metadata quorum's leader, which keeps a failover scenario about the thing it teaches.
     */
    default List<Integer> nodesWithoutController() {
        int controller = activeController();
        return nodeIds().stream().filter(n -> n != controller).toList();
    }

    /** All node ids with the active controller last, e.g. [A, B, C] where C is the controller. */
    default List<Integer> nodesControllerLast() {
        List<Integer> nodes = new java.util.ArrayList<>(nodesWithoutController());
        nodes.add(activeController());
        return List.copyOf(nodes);
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
