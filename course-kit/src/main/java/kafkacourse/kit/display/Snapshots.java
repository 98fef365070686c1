package kafkacourse.kit.display;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import kafkacourse.kit.cluster.KafkaFutures;
import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;

/** Admin look-ups shared by the views, each with a short time limit so that a view never hangs a notebook. */
final class Snapshots {

    static final long LIMIT_SECONDS = 10;

    private Snapshots() {
    }

    static Map<String, TopicDescription> topics(KafkaCluster cluster, Collection<String> names) {
        return get(cluster.admin().describeTopics(names).allTopicNames(), "토픽 조회 " + names);
    }

    /** Brokers registered and unfenced right now (a killed broker disappears once its session times out). */
    static Set<Integer> registeredBrokers(KafkaCluster cluster) {
        return get(cluster.admin().describeCluster().nodes(), "브로커 목록 조회").stream().map(Node::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Brokers whose process runs; for a cluster the kit does not run, the registered ones. */
    static Set<Integer> runningBrokers(KafkaCluster cluster, Set<Integer> registered) {
        return cluster.canControlBrokers() ? new TreeSet<>(cluster.runningNodes()) : registered;
    }

    /** The active KRaft controller, or -1 if the quorum has none right now (e.g. it lost its majority). */
    static int activeControllerOrNone(KafkaCluster cluster) {
        try {
            return cluster.admin().describeMetadataQuorum().quorumInfo().get(3, TimeUnit.SECONDS).leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    static <T> T get(KafkaFuture<T> future, String what) {
        return KafkaFutures.get(future, what, java.time.Duration.ofSeconds(LIMIT_SECONDS));
    }
}
