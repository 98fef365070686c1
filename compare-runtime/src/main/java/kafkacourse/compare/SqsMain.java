package kafkacourse.compare;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible queue server, as a child JVM of the course kit: {@code SqsMain <ownerPid> <port>}.
 * Binds 127.0.0.1 only and halts as soon as its owner JVM is gone ({@code ownerPid = 0}: started by
 * {@code ./course compare up}, lives until {@code ./course compare down}).
 */
public final class SqsMain {

    private SqsMain() {
    }

    public static void main(String[] args) {
        long ownerPid = Long.parseLong(args[0]);
        int port = Integer.parseInt(args[1]);
        if (ownerPid > 0) {
            ProcessHandle.of(ownerPid).ifPresentOrElse(
                    owner -> owner.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                    () -> Runtime.getRuntime().halt(3));
        }
        SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion("elasticmq")
                .start()
                .waitUntilStarted();
        System.out.println("ElasticMQ (SQS) ready on 127.0.0.1:" + port);
    }
}
