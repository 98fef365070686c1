package kafkacourse.kit.compare;

import java.nio.file.Path;
import java.util.List;

/** One comparison server: its own directory under the course home, its loopback ports, its processes. */
abstract class QueueServer {

    final Path dir;
    final List<Integer> ports;
    /** The processes this JVM launched (empty for a server found through its state file). */
    final List<Process> launched = new java.util.ArrayList<>();

    QueueServer(Path dir, List<Integer> ports) {
        this.dir = dir;
        this.ports = ports;
    }

    abstract ServerKind kind();

    /** The processes of this server; the last one is the server itself. */
    abstract List<ManagedProcess> processes();

    /** Start the processes (the directory is empty and exists). {@code binary} is empty for ElasticMQ. */
    abstract void launch(Path binary, long ownerPid);

    /** Does the server answer its protocol on {@link #port()}? */
    abstract boolean ready();

    /** The port clients connect to. */
    int port() {
        return ports.get(0);
    }

    ManagedProcess main() {
        return processes().get(processes().size() - 1);
    }

    Path log() {
        return main().log();
    }

    /**
     * Alive? For processes this JVM launched, the process itself (during start-up a wrapper script may not show the
     * final command line yet); otherwise pid file plus command-line check.
     */
    boolean running() {
        if (!launched.isEmpty()) {
            return launched.stream().allMatch(Process::isAlive);
        }
        return processes().stream().allMatch(p -> p.running().isPresent());
    }

    void stop() {
        List<ManagedProcess> ps = processes();
        for (int i = ps.size() - 1; i >= 0; i--) {
            if (i < launched.size()) {
                ManagedProcess.stop(launched.get(i).toHandle(), 15);
                ps.get(i).forget();
            } else {
                ps.get(i).stop(15);
            }
        }
        launched.clear();
    }

    static QueueServer of(ServerKind kind, Path home, List<Integer> ports) {
        return switch (kind) {
            case RABBITMQ -> new RabbitServer(home.resolve("rabbitmq"), ports);
            case REDIS -> new RedisServer(home.resolve("redis"), ports);
            case SQS -> new SqsServer(home.resolve("sqs"), ports);
        };
    }

    static int portsNeeded(ServerKind kind) {
        return kind == ServerKind.RABBITMQ ? 3 : 1;
    }
}
