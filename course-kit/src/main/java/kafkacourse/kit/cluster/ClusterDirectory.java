package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local cluster's directory before its brokers run: checked writable, cleared of brokers a dead owner left
 * behind, configs written, storage formatted. Layout: {@code <home>/cluster.properties},
 * {@code <home>/node-N/{server.properties, data/, broker.log, broker.pid}}.
 */
final class ClusterDirectory {

    private ClusterDirectory() {
    }

    static void prepare(Path home) {
        try {
            Files.createDirectories(home);
            Path probe = Files.createTempFile(home, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ClusterException("""
                    클러스터 디렉터리에 쓸 수 없습니다: %s
                      해결: 디렉터리의 쓰기 권한과 남은 디스크 공간을 확인하세요. (KAFKA_COURSE_HOME 으로 위치를 바꿀 수 있습니다)"""
                    .formatted(home), e);
        }
    }

    static void wipeNodes(Path home) {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("node-")).toList()) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new ClusterException("이전 테스트 클러스터의 데이터를 지울 수 없습니다: " + home, e);
        }
    }

    /** Kill brokers that a dead owner left behind in {@code home}; refuse if another live JVM owns them. */
    static void reapLeftovers(Path home) {
        Optional<ClusterState> previous = ClusterState.read(home);
        if (previous.isEmpty()) {
            return;
        }
        long owner = previous.get().ownerPid();
        boolean ownerAlive = owner != 0 && owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        List<ProcessHandle> brokers = previous.get().nodes().stream().map(ClusterState::runningBroker).flatMap(Optional::stream).toList();
        if (!brokers.isEmpty() && (ownerAlive || owner == 0)) {
            throw new ClusterException("""
                    이 디렉터리의 클러스터가 이미 실행 중입니다: %s
                      해결: 그 클러스터를 그대로 쓰거나, 먼저 `./course cluster down` 으로 내리세요.%s"""
                    .formatted(home, owner == 0 ? "" : " (소유 프로세스 pid " + owner + ")"));
        }
        for (ProcessHandle broker : brokers) {
            broker.destroyForcibly();
            broker.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
        if (!brokers.isEmpty()) {
            System.err.println("[강좌 클러스터] 이전 실행이 남긴 브로커 프로세스 " + brokers.size() + "개를 정리했습니다: " + home);
        }
    }

    static void writeConfigs(Path home, List<NodeSpec> nodes, Map<String, String> overrides) {
        try (InputStream log4j = ClusterDirectory.class.getResourceAsStream("broker-log4j2.properties")) {
            Files.write(home.resolve("broker-log4j2.properties"), log4j.readAllBytes());
            boolean secure = SecureClusterConfig.isSecure(home);
            for (NodeSpec node : nodes) {
                Files.createDirectories(node.dataDir());
                Map<String, String> nodeOverrides = overrides;
                if (secure) {
                    nodeOverrides = new java.util.LinkedHashMap<>(SecureClusterConfig.brokerSettings(home, node));
                    nodeOverrides.putAll(overrides);
                }
                String properties = BrokerConfig.render(node, nodes, nodeOverrides).entrySet().stream()
                        .map(e -> e.getKey() + "=" + propertiesValue(e.getValue()))
                        .collect(Collectors.joining("\n", "# written by course-kit; see docs-ko for each setting\n", "\n"));
                if (secure) {
                    OwnerOnlyFiles.write(node.configFile(), properties); // holds the broker's own password
                } else {
                    Files.writeString(node.configFile(), properties);
                }
            }
        } catch (IOException e) {
            throw new ClusterException("브로커 설정 파일을 쓸 수 없습니다: " + home, e);
        }
    }

    /**
     * Kafka reads server.properties as ISO-8859-1 with backslash escapes: a value is written with {@code \\} for a
     * backslash (Windows paths) and {@code \\uXXXX} for anything not ASCII (a home directory with Hangul in it).
     */
    static String propertiesValue(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static void format(Path home, String clusterId, List<NodeSpec> nodes) {
        List<String> args = new ArrayList<>(List.of("format", clusterId));
        nodes.forEach(n -> args.add(n.configFile().toString()));
        Path log = home.resolve("format.log");
        // A secure cluster's SCRAM credentials go to the format JVM through its standard input: never on a command
        // line that `ps` shows to every user of the machine.
        List<String> secret = SecureClusterConfig.isSecure(home) ? SecureClusterConfig.storageFormatArguments(home) : List.of();
        List<String> jvm = new ArrayList<>(BrokerRuntime.JVM_OPTIONS);
        if (!secret.isEmpty()) {
            jvm.add("-D" + BrokerMain.EXTRA_ARGS_ON_STDIN + "=true");
        }
        try {
            Process p = new ProcessBuilder(BrokerRuntime.javaCommand(home, jvm, args.toArray(String[]::new)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (java.io.Writer in = new java.io.OutputStreamWriter(p.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                in.write(String.join("\n", secret));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ClusterException("브로커 저장소 초기화(format)가 60초 안에 끝나지 않았습니다. 로그: " + log);
            }
            if (p.exitValue() != 0) {
                throw new ClusterException("""
                        브로커 저장소 초기화(format)에 실패했습니다. 로그: %s
                        %s""".formatted(log, BrokerLog.tail(log, 8)));
            }
        } catch (IOException e) {
            throw new ClusterException("브로커 저장소 초기화(format)를 실행할 수 없습니다.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("브로커 저장소 초기화(format)가 중단되었습니다.");
        }
    }
}
