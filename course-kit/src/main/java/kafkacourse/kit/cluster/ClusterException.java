package kafkacourse.kit.cluster;

/**
 * A cluster problem explained for the learner: what happened and what to do, in Korean, without a stack-trace
 * wall (the message is the whole story; the stack trace is suppressed).
 */
public class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message, null, false, false);
    }

    public ClusterException(String message, Throwable cause) {
        super(message + "\n  (원인: " + cause + ")", null, false, false);
    }
}
