package kafkacourse.lab05;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Answers the operator's questions about a partition: who leads, who is in sync, is it healthy, who controls. */
public class PartitionInspector {

    private static final long ADMIN_TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public PartitionInspector(Admin admin) {
        this.admin = admin;
    }

    /** TODO 1-1: the current leader, -1 when the partition has none. */
    public int leaderOf(String topic, int partition) {
        Node leader = describe(topic, partition).leader();
        // No leader: the metadata says null (or an empty node) rather than an id.
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    /** TODO 1-2: the in-sync replicas. */
    public List<Integer> isrOf(String topic, int partition) {
        return describe(topic, partition).isr().stream().map(Node::id).toList();
    }

    /** TODO 3: wait until every replica is in sync again; the ISR at that moment. */
    public List<Integer> awaitFullIsr(String topic, int partition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            TopicPartitionInfo info = describe(topic, partition);
            if (info.isr().size() == info.replicas().size()) {
                return info.isr().stream().map(Node::id).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ISR of " + topic + "-" + partition + " still " + info.isr() + " after " + atMost);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the ISR", e);
            }
        }
    }

    /** TODO 4: the partition's health, judged against the topic's min.insync.replicas. */
    public PartitionHealth health(String topic, int partition) {
        TopicPartitionInfo info = describe(topic, partition);
        if (info.leader() == null || info.leader().isEmpty()) {
            return PartitionHealth.OFFLINE;
        }
        if (info.isr().size() < minInsyncReplicas(topic)) {
            return PartitionHealth.UNDER_MIN_ISR;
        }
        return info.isr().size() < info.replicas().size() ? PartitionHealth.UNDER_REPLICATED : PartitionHealth.HEALTHY;
    }

    /** TODO 5: the active KRaft controller (leader of the metadata quorum). */
    public int activeController() {
        // Not describeCluster().controller(): in KRaft that is just some broker, not the quorum leader.
        return get(admin.describeMetadataQuorum().quorumInfo()).leaderId();
    }

    private int minInsyncReplicas(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(List.of(resource)).all());
        return Integer.parseInt(configs.get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
    }

    private TopicPartitionInfo describe(String topic, int partition) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .filter(p -> p.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no partition " + partition + " in " + topic));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin request took longer than " + ADMIN_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
