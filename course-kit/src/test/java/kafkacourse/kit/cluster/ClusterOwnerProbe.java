package kafkacourse.kit.cluster;

import java.nio.file.Path;

/**
 * A stand-in for a test JVM that owns a cluster: starts a one-node cluster in {@code args[0]}, prints
 * {@code READY} and waits to be killed. Used by {@link OrphanReapingTest}.
 */
public final class ClusterOwnerProbe {

    private ClusterOwnerProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafkaCluster.start(ClusterOptions.forTests().withHome(Path.of(args[0])).withNodes(1));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
