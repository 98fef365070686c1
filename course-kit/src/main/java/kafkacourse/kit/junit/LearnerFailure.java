package kafkacourse.kit.junit;

/**
 * A failure told to the learner in one Korean message, without a stack trace: an unfinished TODO (with the test's
 * hint), a cluster problem, or a wait that timed out.
 */
final class LearnerFailure extends AssertionError {

    LearnerFailure(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
