package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The state file {@code <home>/cluster.properties}: cluster id, nodes, ports and the owner JVM. It lets a later JVM
 * reuse a running cluster, control its brokers, and reap brokers left behind by a JVM that died.
 */
record ClusterState(String clusterId, long ownerPid, List<NodeSpec> nodes) {

    static final String FILE = "cluster.properties";

    void write(Path home) {
        Properties p = new Properties();
        p.setProperty("cluster.id", clusterId);
        p.setProperty("owner.pid", Long.toString(ownerPid));
        p.setProperty("nodes", String.join(",", nodes.stream().map(n -> Integer.toString(n.id())).toList()));
        for (NodeSpec n : nodes) {
            p.setProperty("node." + n.id() + ".broker.port", Integer.toString(n.brokerPort()));
            p.setProperty("node." + n.id() + ".controller.port", Integer.toString(n.controllerPort()));
        }
        try (Writer w = Files.newBufferedWriter(home.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "Kafka course cluster state (written by course-kit)");
        } catch (IOException e) {
            throw new ClusterException("클러스터 상태 파일을 쓸 수 없습니다: " + home.resolve(FILE), e);
        }
    }

    static Optional<ClusterState> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            List<NodeSpec> nodes = new ArrayList<>();
            for (String id : p.getProperty("nodes").split(",")) {
                int nodeId = Integer.parseInt(id);
                nodes.add(new NodeSpec(nodeId,
                        Integer.parseInt(p.getProperty("node." + id + ".broker.port")),
                        Integer.parseInt(p.getProperty("node." + id + ".controller.port")),
                        home.resolve("node-" + nodeId)));
            }
            return Optional.of(new ClusterState(p.getProperty("cluster.id"), Long.parseLong(p.getProperty("owner.pid")), nodes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The running broker JVM of a node, recognised by its pid file and its command line (never a recycled pid). */
    static Optional<ProcessHandle> runningBroker(NodeSpec node) {
        try {
            if (!Files.isRegularFile(node.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(node.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> isBrokerOf(h, node));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isBrokerOf(ProcessHandle handle, NodeSpec node) {
        String config = node.configFile().toString();
        return handle.info().arguments().map(args -> Arrays.asList(args).contains(config))
                .or(() -> handle.info().commandLine().map(cl -> cl.contains(config)))
                .orElse(false);
    }
}
