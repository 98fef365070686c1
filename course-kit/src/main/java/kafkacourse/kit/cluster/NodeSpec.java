package kafkacourse.kit.cluster;

import java.nio.file.Path;

/** One KRaft node (broker and controller in one JVM): its id, its two loopback ports and its directory. */
public record NodeSpec(int id, int brokerPort, int controllerPort, Path dir) {

    public Path configFile() {
        return dir.resolve("server.properties");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public Path logFile() {
        return dir.resolve("broker.log");
    }

    /** The JVM's own stdout/stderr: what it printed before logging started (the broker log is {@link #logFile()}). */
    public Path consoleFile() {
        return dir.resolve("broker.out");
    }

    public Path pidFile() {
        return dir.resolve("broker.pid");
    }

    public String brokerAddress() {
        return "127.0.0.1:" + brokerPort;
    }
}
