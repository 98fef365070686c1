package kafkacourse.kit.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topics made for one test class or one notebook: each gets a {@link UniqueNames unique name}, and
 * {@link #deleteAll()} removes them together. In a graded test {@code @KafkaLab} injects one per test class and deletes
 * its topics after the class, so a reused cluster does not pile up topics between runs.
 * <pre>{@code
 * String orders = topics.create("orders", 3);                           // RF 3, e.g. orders-4f3a9c1e
 * String pinned = topics.createOn("orders", List.of(a, b, c), Map.of()); // one partition, replicas exactly a, b, c
 * }</pre>
 */
public final class LabTopics {

    /** Replication factor of {@link #create(String, int)}: every broker of the course cluster holds a copy. */
    public static final int REPLICATION_FACTOR = 3;

    private final KafkaCluster cluster;
    private final Set<String> created = new LinkedHashSet<>();

    public LabTopics(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** A new topic of {@code partitions} partitions, RF {@value #REPLICATION_FACTOR}, every ISR full; returns its name. */
    public String create(String base, int partitions) {
        return create(base, partitions, REPLICATION_FACTOR, Map.of());
    }

    /** As {@link #create(String, int)} with topic configs (e.g. {@code min.insync.replicas}, {@code cleanup.policy}). */
    public String create(String base, int partitions, Map<String, String> configs) {
        return create(base, partitions, REPLICATION_FACTOR, configs);
    }

    public String create(String base, int partitions, int replicationFactor, Map<String, String> configs) {
        String name = UniqueNames.of(base);
        remember(name);
        cluster.createTopic(name, partitions, replicationFactor, configs);
        return name;
    }

    /**
     * A one-partition topic whose replicas are exactly {@code replicas}, the first one leading, for scenarios that must
     * know which broker holds what (see {@link KafkaCluster#createTopicOn}).
     */
    public String createOn(String base, List<Integer> replicas, Map<String, String> configs) {
        String name = UniqueNames.of(base);
        remember(name);
        cluster.createTopicOn(name, replicas, configs);
        return name;
    }

    /**
     * A topic whose partition {@code p} has exactly the replicas {@code replicas.get(p)}, each first replica leading
     * (e.g. every partition led by one broker, so that one fetch brings records of several partitions).
     */
    public String createWithAssignment(String base, Map<Integer, List<Integer>> replicas, Map<String, String> configs) {
        String name = UniqueNames.of(base);
        remember(name);
        cluster.createTopicWithAssignment(name, replicas, configs);
        return name;
    }

    /**
     * A topic with exactly this name, RF {@value #REPLICATION_FACTOR}, for a name derived from a unique one (e.g. the
     * dead-letter topic {@code <orders>-dlt} that a framework writes to).
     */
    public String createNamed(String name, int partitions) {
        remember(name);
        cluster.createTopic(name, partitions, REPLICATION_FACTOR, Map.of());
        return name;
    }

    /** A unique topic name that is not created here (learner code or the test creates it), deleted with the others. */
    public String name(String base) {
        String name = UniqueNames.of(base);
        remember(name);
        return name;
    }

    private synchronized void remember(String name) {
        created.add(name);
    }

    /** The topics made so far, in creation order. */
    public synchronized List<String> created() {
        return List.copyOf(created);
    }

    /**
     * Deletes every topic made here (one that is already gone or was never created is skipped) and returns their
     * names. Fails in Korean when the cluster does not confirm the deletion within {@link KafkaCluster#CLUSTER_CHANGE}.
     */
    public List<String> deleteAll() {
        List<String> names;
        synchronized (this) {
            names = List.copyOf(created);
            created.clear();
        }
        if (names.isEmpty()) {
            return names;
        }
        List<String> failed = new ArrayList<>();
        cluster.admin().deleteTopics(names).topicNameValues().forEach((name, future) -> {
            try {
                future.get(KafkaCluster.CLUSTER_CHANGE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    failed.add(name + " (" + e.getCause().getMessage() + ")");
                }
            } catch (TimeoutException e) {
                failed.add(name + " (" + KafkaCluster.CLUSTER_CHANGE.toSeconds() + "초 안에 응답 없음)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("토픽 삭제를 기다리다 중단되었습니다: " + names, e);
            }
        });
        if (!failed.isEmpty()) {
            throw new ClusterException("토픽을 지우지 못했습니다: " + failed);
        }
        return names;
    }
}
