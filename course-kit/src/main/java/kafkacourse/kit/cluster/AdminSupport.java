package kafkacourse.kit.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Admin-only half of {@link KafkaCluster}: everything that works the same on a cluster the kit runs and on one
 * it only connects to (external, docker compose, Testcontainers). Every Admin future has a time limit; every
 * failure is a Korean {@link ClusterException}.
 */
public final class AdminSupport {

    private static final Duration FUTURE_LIMIT = KafkaFutures.LIMIT;

    private AdminSupport() {
    }

    /** Admin settings of the kit's shared Admin: short timeouts so that a dead broker is reported, not waited for. */
    public static void tuneAdmin(java.util.Properties p) {
        p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "course-kit-admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    }

    /** Ids of the brokers registered and unfenced right now. */
    static Set<Integer> liveBrokers(Admin admin) {
        return get(admin.describeCluster().nodes(), "브로커 목록 조회").stream().map(Node::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static void awaitBrokers(Admin admin, Set<Integer> expected, Duration atMost, String whereToLook) {
        try {
            Awaitility.await("브로커 " + expected + " 가 모두 클러스터에 등록되고 펜싱이 풀리기를")
                    .atMost(atMost).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id).collect(Collectors.toSet()).containsAll(expected));
        } catch (ConditionTimeoutException e) {
            throw new ClusterException("""
                    %d초 안에 브로커 %s 가 모두 준비되지 않았습니다.
                      확인: %s""".formatted(atMost.toSeconds(), expected, whereToLook));
        }
    }

    static void createTopic(Admin admin, String name, int partitions, int replicationFactor, Map<String, String> configs,
                            int brokerCount) {
        if (replicationFactor > brokerCount) {
            throw new ClusterException("""
                    토픽 %s 의 복제 계수 %d 가 클러스터의 브로커 수 %d 보다 큽니다.
                      실습은 브로커 3개짜리 클러스터를 가정합니다(./course cluster up 또는 docker compose up)."""
                    .formatted(name, replicationFactor, brokerCount));
        }
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
        get(admin.createTopics(List.of(topic)).all(), "토픽 " + name + " 생성");
        try {
            Awaitility.await("토픽 " + name + " 의 모든 파티션에 리더와 전체 ISR이 생기기를")
                    .atMost(FUTURE_LIMIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> describe(admin, name).partitions().stream()
                            .allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size()));
        } catch (ConditionTimeoutException e) {
            throw new ClusterException("토픽 " + name + " 이(가) 30초 안에 준비되지 않았습니다. 살아 있는 브로커: " + liveBrokers(admin));
        }
    }

    static void createTopicOn(Admin admin, String name, List<Integer> replicas, Map<String, String> configs) {
        createTopicWithAssignment(admin, name, Map.of(0, replicas), configs);
    }

    /** Creates a topic with exactly these replicas per partition; waits for full ISRs and each first replica leading. */
    static void createTopicWithAssignment(Admin admin, String name, Map<Integer, List<Integer>> replicas, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, replicas).configs(configs);
        get(admin.createTopics(List.of(topic)).all(), "토픽 " + name + " 생성");
        awaitIsrFull(admin, name, FUTURE_LIMIT);
        String leaders = replicas.entrySet().stream().map(e -> e.getKey() + "→" + e.getValue().get(0))
                .collect(Collectors.joining(", "));
        try {
            Awaitility.await("토픽 " + name + " 의 파티션별 리더가 " + leaders + " 가 되기를")
                    .atMost(FUTURE_LIMIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> replicas.entrySet().stream().allMatch(e -> leaderOf(admin, name, e.getKey()) == e.getValue().get(0)));
        } catch (ConditionTimeoutException e) {
            throw new ClusterException("토픽 " + name + " 의 파티션별 리더가 " + FUTURE_LIMIT.toSeconds() + "초 안에 " + leaders
                    + " 가 되지 않았습니다. 살아 있는 브로커: " + liveBrokers(admin));
        }
    }

    static int leaderOf(Admin admin, String topic, int partition) {
        Node leader = partitionInfo(admin, topic, partition).leader();
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    static List<Integer> isrOf(Admin admin, String topic, int partition) {
        return partitionInfo(admin, topic, partition).isr().stream().map(Node::id).toList();
    }

    static List<Integer> replicasOf(Admin admin, String topic, int partition) {
        return partitionInfo(admin, topic, partition).replicas().stream().map(Node::id).toList();
    }

    static void awaitIsrFull(Admin admin, String topic, Duration atMost) {
        try {
            Awaitility.await("토픽 " + topic + " 의 모든 파티션 ISR이 복제본 수만큼 다시 차기를")
                    .atMost(atMost).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> describe(admin, topic).partitions().stream().allMatch(p -> p.isr().size() == p.replicas().size()));
        } catch (ConditionTimeoutException e) {
            throw new ClusterException("토픽 " + topic + " 의 ISR이 " + atMost.toSeconds() + "초 안에 다시 채워지지 않았습니다. 살아 있는 브로커: " + liveBrokers(admin));
        }
    }

    static List<Integer> awaitIsrSize(Admin admin, String topic, int partition, int size, Duration atMost) {
        return Awaitility.await("토픽 " + topic + " 파티션 " + partition + " 의 ISR 이 " + size + "개가 되기를")
                .atMost(atMost).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> isrOf(admin, topic, partition), isr -> isr.size() == size);
    }

    static Map<org.apache.kafka.common.TopicPartition, Long> committedOffsets(Admin admin, String groupId) {
        Map<org.apache.kafka.common.TopicPartition, Long> committed = new java.util.TreeMap<>(
                java.util.Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                        .thenComparingInt(org.apache.kafka.common.TopicPartition::partition));
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), "그룹 " + groupId + " 의 커밋된 오프셋 조회")
                .forEach((tp, om) -> {
                    if (om != null) {
                        committed.put(tp, om.offset());
                    }
                });
        return committed;
    }

    static java.util.Optional<org.apache.kafka.clients.admin.ConsumerGroupDescription> describeGroup(Admin admin, String groupId) {
        return KafkaFutures.getUnlessAbsent(admin.describeConsumerGroups(List.of(groupId)).all(), "그룹 " + groupId + " 조회",
                org.apache.kafka.common.errors.GroupIdNotFoundException.class).map(groups -> groups.get(groupId));
    }

    static int shareGroupMembers(Admin admin, String groupId) {
        // the group appears with its first member: before that, 0 members
        return KafkaFutures.getUnlessAbsent(admin.describeShareGroups(List.of(groupId)).all(), "공유 그룹 " + groupId + " 조회",
                org.apache.kafka.common.errors.GroupIdNotFoundException.class).map(groups -> groups.get(groupId).members().size()).orElse(0);
    }

    static void setGroupConfigs(Admin admin, String groupId, Map<String, String> configs) {
        var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.GROUP, groupId);
        List<org.apache.kafka.clients.admin.AlterConfigOp> set = configs.entrySet().stream()
                .map(e -> new org.apache.kafka.clients.admin.AlterConfigOp(new org.apache.kafka.clients.admin.ConfigEntry(e.getKey(), e.getValue()),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)).toList();
        get(admin.incrementalAlterConfigs(Map.of(resource, set)).all(), "그룹 " + groupId + " 설정 " + configs + " 변경");
    }

    static Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(Admin admin, String topic) {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = describe(admin, topic).partitions()
                .stream().collect(Collectors.toMap(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                        p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<org.apache.kafka.common.TopicPartition, Long> end = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt(org.apache.kafka.common.TopicPartition::partition));
        get(admin.listOffsets(latest).all(), "토픽 " + topic + " 의 끝 오프셋 조회").forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    static int activeController(Admin admin) {
        return get(admin.describeMetadataQuorum().quorumInfo(), "KRaft 쿼럼 조회").leaderId();
    }

    static TopicPartitionInfo partitionInfo(Admin admin, String topic, int partition) {
        return describe(admin, topic).partitions().stream().filter(p -> p.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("토픽 " + topic + " 에 파티션 " + partition + " 이(가) 없습니다."));
    }

    static TopicDescription describe(Admin admin, String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames(), "토픽 " + topic + " 조회").get(topic);
    }

    static <T> T get(KafkaFuture<T> future, String what) {
        return KafkaFutures.get(future, what);
    }
}
