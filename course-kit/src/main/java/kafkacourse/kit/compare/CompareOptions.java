package kafkacourse.kit.compare;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the comparison servers live, whether they outlive the starting JVM, and fixed ports (0 or absent: a free
 * loopback port is chosen).
 */
public record CompareOptions(Path home, boolean detached, Map<ServerKind, Integer> ports, java.util.Set<ServerKind> kinds) {

    public CompareOptions(Path home, boolean detached, Map<ServerKind, Integer> ports) {
        this(home, detached, ports, java.util.EnumSet.allOf(ServerKind.class));
    }

    public CompareOptions {
        ports = Map.copyOf(ports);
        kinds = java.util.Set.copyOf(kinds);
        ports.forEach((kind, port) -> {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("%s 포트가 잘못되었습니다: %d (0~65535, 0 = 빈 포트 자동 선택)".formatted(kind.displayName(), port));
            }
        });
    }

    /** Servers of a test or notebook JVM: stopped with it. */
    public static CompareOptions owned(Path home) {
        return new CompareOptions(home, false, Map.of());
    }

    /** {@code ./course compare up}: runs until {@code ./course compare down}. */
    public static CompareOptions interactive(Map<ServerKind, Integer> ports) {
        return new CompareOptions(CompareServers.interactiveHome(), true, ports);
    }

    public CompareOptions withPort(ServerKind kind, int port) {
        Map<ServerKind, Integer> p = new java.util.EnumMap<>(ServerKind.class);
        p.putAll(ports);
        p.put(kind, port);
        return new CompareOptions(home, detached, p, kinds);
    }

    /** Only these servers (a lab that needs RabbitMQ does not start Redis and ElasticMQ). */
    public CompareOptions only(java.util.Set<ServerKind> only) {
        return new CompareOptions(home, detached, ports, only);
    }

    int fixedPort(ServerKind kind) {
        return ports.getOrDefault(kind, 0);
    }
}
