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

/** 운영자가 파티션에 대해 묻는 것에 답합니다: 누가 리더인지, 누가 동기화되어 있는지, 건강한지, 누가 컨트롤러인지. */
public class PartitionInspector {

    private static final long ADMIN_TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public PartitionInspector(Admin admin) {
        this.admin = admin;
    }

    /** 과제 1-1: 지금의 리더. 리더가 없으면 -1. */
    public int leaderOf(String topic, int partition) {
        Node leader = describe(topic, partition).leader();
        // 리더가 없으면 메타데이터에는 ID 대신 null(또는 빈 노드)이 들어 있습니다.
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    /** 과제 1-2: 동기화된 복제본(ISR). */
    public List<Integer> isrOf(String topic, int partition) {
        return describe(topic, partition).isr().stream().map(Node::id).toList();
    }

    /** 과제 3: 모든 복제본이 다시 동기화될 때까지 기다립니다. 그때의 ISR 을 돌려줍니다. */
    public List<Integer> awaitFullIsr(String topic, int partition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            TopicPartitionInfo info = describe(topic, partition);
            if (info.isr().size() == info.replicas().size()) {
                return info.isr().stream().map(Node::id).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + "-" + partition + " 의 ISR 이 " + atMost + " 뒤에도 " + info.isr() + " 입니다");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ISR 을 기다리다가 중단되었습니다", e);
            }
        }
    }

    /** 과제 4: 토픽의 min.insync.replicas 에 비춘 파티션의 건강 상태. */
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

    /** 과제 5: 활성 KRaft 컨트롤러(메타데이터 쿼럼의 리더). */
    public int activeController() {
        // describeCluster().controller() 가 아닙니다. KRaft 에서 그것은 아무 브로커일 뿐 쿼럼의 리더가 아닙니다.
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
                .orElseThrow(() -> new IllegalArgumentException(topic + " 에 파티션 " + partition + " 이(가) 없습니다"));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Admin 요청이 실패했습니다: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Admin 요청이 " + ADMIN_TIMEOUT_SECONDS + "초 넘게 걸렸습니다", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("중단되었습니다", e);
        }
    }
}
