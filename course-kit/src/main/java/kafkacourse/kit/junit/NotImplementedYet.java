package kafkacourse.kit.junit;

/** A TODO the learner has not done yet: the stub's Korean message and the test's hint, no stack trace. */
final class NotImplementedYet extends AssertionError {

    NotImplementedYet(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
