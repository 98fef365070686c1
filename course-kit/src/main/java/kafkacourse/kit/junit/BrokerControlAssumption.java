package kafkacourse.kit.junit;

import kafkacourse.kit.cluster.ExternalKafkaCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * One-line guards for tests that kill or restart brokers (see also {@link RequiresBrokerControl}). Not to be confused
 * with the cluster package's broker-control strategies (child processes, docker compose), which do the killing.
 */
public final class BrokerControlAssumption {

    private BrokerControlAssumption() {
    }

    /**
     * Skip the running test (JUnit assumption: reported as skipped with the Korean reason, never as passed) unless
     * the kit can kill and restart this cluster's brokers.
     */
    public static void assume(KafkaCluster cluster) {
        Assumptions.assumeTrue(cluster.canControlBrokers(), () -> skipReason(cluster));
    }

    /** The Korean reason a broker-control test is skipped on this cluster. */
    public static String skipReason(KafkaCluster cluster) {
        String why = cluster instanceof ExternalKafkaCluster external && !external.whyNoBrokerControl().isEmpty()
                ? external.whyNoBrokerControl()
                : "이 클러스터(" + cluster.bootstrapServers() + ")는 강좌 도구가 브로커를 끄고 켤 수 없습니다.";
        return "[건너뜀] 브로커를 끄고 켜야 하는 테스트입니다. " + why;
    }
}
