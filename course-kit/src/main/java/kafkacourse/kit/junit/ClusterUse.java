package kafkacourse.kit.junit;

/**
 * This JVM's use of a cluster that other test JVMs may share ({@link ClusterUseLock}), decided test by test: shared
 * for an ordinary test, exclusive only for a test that kills or stops brokers, and back to shared right after it
 * (its nodes restored). A shared holder steps aside between two tests when another JVM's broker-stopping test waits,
 * so that test waits for one test of this JVM, not for all of them.
 */
final class ClusterUse implements AutoCloseable {

    private final String bootstrapServers;
    private ClusterUseLock held;

    ClusterUse(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Holds the lock in the given mode before a test (or a class's set-up) touches the cluster. */
    synchronized void holdFor(boolean exclusive) {
        if (held != null && held.isExclusive() == exclusive && (exclusive || !held.exclusiveWaiting())) {
            return;
        }
        release();
        held = ClusterUseLock.acquire(bootstrapServers, exclusive);
    }

    synchronized boolean holdsExclusive() {
        return held != null && held.isExclusive();
    }

    private void release() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    @Override
    public synchronized void close() {
        release();
    }
}
