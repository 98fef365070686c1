package kafkacourse.kit.junit;

import kafkacourse.kit.compare.CompareServers;
import kafkacourse.kit.compare.ServerKind;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need RabbitMQ, Redis or the SQS queue: the shared comparison servers of this JVM, or the test is
 * <em>skipped</em> with the Korean reason (binary missing, and how to install it) — never faked.
 */
public final class CompareServersRequired {

    private CompareServersRequired() {
    }

    public static CompareServers require(ServerKind... kinds) {
        CompareServers servers = CompareServers.shared(kinds);
        for (ServerKind kind : kinds) {
            Assumptions.assumeTrue(servers.available(kind), () -> "건너뜀: " + servers.unavailableReason(kind).orElse(""));
        }
        return servers;
    }
}
