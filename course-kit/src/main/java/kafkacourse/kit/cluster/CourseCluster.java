package kafkacourse.kit.cluster;

import java.util.Optional;

/**
 * The one cluster of this JVM, shared by every test class and notebook cell.
 *
 * <ol>
 *   <li>If the learner's interactive cluster ({@code ./course cluster up}) is running, reuse it.</li>
 *   <li>Otherwise start a private 3-node cluster under {@code target/kafka-cluster}; it dies with this JVM.</li>
 * </ol>
 * {@code -Dcourse.cluster=private} skips step 1 (the kit's own tests use it).
 */
public final class CourseCluster {

    private static KafkaCluster shared;

    private CourseCluster() {
    }

    public static synchronized KafkaCluster shared() {
        if (shared == null) {
            shared = connect();
        }
        return shared;
    }

    private static KafkaCluster connect() {
        if (!"private".equals(System.getProperty("course.cluster"))) {
            Optional<LocalKafkaCluster> running = LocalKafkaCluster.attach(ClusterHome.interactive());
            if (running.isPresent()) {
                System.out.println("[강좌 클러스터] 실행 중인 클러스터를 사용합니다: " + running.get().bootstrapServers());
                return running.get();
            }
        }
        long started = System.nanoTime();
        LocalKafkaCluster cluster = LocalKafkaCluster.start(ClusterOptions.forTests());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "course-cluster-shutdown"));
        System.out.printf("[강좌 클러스터] 브로커 3개를 시작했습니다 (%.1f초): %s%n",
                (System.nanoTime() - started) / 1e9, cluster.bootstrapServers());
        return cluster;
    }
}
