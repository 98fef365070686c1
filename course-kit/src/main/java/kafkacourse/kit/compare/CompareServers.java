package kafkacourse.kit.compare;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.ClusterHome;
import kafkacourse.kit.cluster.LoopbackPorts;

/**
 * The servers chapter 3 compares with Kafka — RabbitMQ, Redis and an SQS-compatible queue (ElasticMQ) — as child
 * processes on 127.0.0.1, with data and logs under {@code <home>/{rabbitmq,redis,sqs}/}. Started by a test or notebook
 * JVM (owned: gone with that JVM, even on SIGKILL, through {@link ServerWatchdog}) or by {@code ./course compare up}
 * (detached). A server whose binary is missing is not started and carries a Korean reason instead: callers skip what
 * needs it, never simulate it.
 */
public final class CompareServers implements AutoCloseable {

    static final String STATE_FILE = "compare.properties";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final int BIND_RETRIES = 3;
    private static volatile CompareServers shared;

    private final Path home;
    private final boolean owned;
    private final Map<ServerKind, QueueServer> servers;
    private final Map<ServerKind, String> unavailable;

    private CompareServers(Path home, boolean owned, Map<ServerKind, QueueServer> servers, Map<ServerKind, String> unavailable) {
        this.home = home;
        this.owned = owned;
        this.servers = servers;
        this.unavailable = unavailable;
    }

    /** Where {@code ./course compare up} keeps its servers: {@code <course home>/compare}. */
    public static Path interactiveHome() {
        return ClusterHome.courseHome().resolve("compare");
    }

    /**
     * For labs and notebooks: the servers of {@code ./course compare up} when they run, else this JVM's own under
     * {@code target/compare-servers} (stopped when the JVM ends). One instance per JVM.
     */
    public static CompareServers shared() {
        return shared(ServerKind.values());
    }

    /** Like {@link #shared()}, but a JVM of its own starts only {@code needed} (a lab that needs RabbitMQ only starts RabbitMQ). */
    public static synchronized CompareServers shared(ServerKind... needed) {
        Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
        kinds.addAll(List.of(needed));
        if (shared == null) {
            Optional<CompareServers> running = attach(interactiveHome());
            if (running.isPresent()) {
                System.out.println("[비교 서버] 실행 중인 서버를 사용합니다: " + interactiveHome());
                shared = running.get();
                return shared;
            }
            Path own = Path.of(System.getProperty("course.build.dir", "target")).resolve("compare-servers").toAbsolutePath();
            shared = start(CompareOptions.owned(own).only(kinds));
            CompareServers s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "compare-servers-stop"));
        } else if (shared.owned) {
            shared.addMissing(kinds);
        }
        return shared;
    }

    /** Start the kinds this JVM's own servers do not have yet (a notebook that first needed RabbitMQ only). */
    private void addMissing(Set<ServerKind> kinds) {
        List<QueueServer> added = new ArrayList<>();
        for (ServerKind kind : kinds) {
            if (servers.containsKey(kind) || unavailable.containsKey(kind)) {
                continue;
            }
            Optional<Path> binary = kind.binary();
            if (kind.needsBinary() && binary.isEmpty()) {
                unavailable.put(kind, kind.missingMessage());
            } else {
                added.add(startOne(kind, home, binary.orElse(null), 0, ProcessHandle.current().pid()));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        try {
            awaitReady(added, CompareOptions.owned(home), ProcessHandle.current().pid());
        } catch (RuntimeException e) {
            added.forEach(QueueServer::stop);
            throw e;
        }
        added.forEach(a -> servers.put(a.kind(), a));
        writeState(ProcessHandle.current().pid());
        startWatchdog(ProcessHandle.current().pid(), added);
    }

    /** Start every server whose binary is here. Fails within 60 s with a Korean message naming the server's log. */
    public static CompareServers start(CompareOptions options) {
        Path home = options.home();
        prepare(home);
        reapLeftovers(home);
        long owner = options.detached() ? 0 : ProcessHandle.current().pid();
        Map<ServerKind, QueueServer> servers = new EnumMap<>(ServerKind.class);
        Map<ServerKind, String> unavailable = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : options.kinds()) {
            Optional<Path> binary = kind.binary();
            if (kind.needsBinary() && binary.isEmpty()) {
                unavailable.put(kind, kind.missingMessage());
                continue;
            }
            servers.put(kind, startOne(kind, home, binary.orElse(null), options.fixedPort(kind), owner));
        }
        List<QueueServer> started = new ArrayList<>(servers.values());
        try {
            awaitReady(started, options, owner);
            started.forEach(srv -> servers.put(srv.kind(), srv));
        } catch (RuntimeException e) {
            started.forEach(QueueServer::stop);
            throw e;
        }
        CompareServers result = new CompareServers(home, owner != 0, servers, unavailable);
        result.writeState(owner);
        if (owner != 0) {
            result.startWatchdog(owner, result.servers.values());
        }
        return result;
    }

    private static QueueServer startOne(ServerKind kind, Path home, Path binary, int fixedPort, long owner) {
        int extra = QueueServer.portsNeeded(kind) - 1;
        List<Integer> ports = fixedPort == 0 ? LoopbackPorts.free(extra + 1)
                : Stream.concat(Stream.of(fixedPort), LoopbackPorts.free(Math.max(extra, 1)).stream().limit(extra)).toList();
        QueueServer server = QueueServer.of(kind, home, ports);
        wipe(server.dir);
        server.launch(binary, owner);
        return server;
    }

    /** Wait until each server answers; a server that dies or a port that is taken gets retried or reported. */
    private static void awaitReady(List<QueueServer> servers, CompareOptions options, long owner) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        List<QueueServer> waiting = new ArrayList<>(servers);
        Map<ServerKind, Integer> attempts = new EnumMap<>(ServerKind.class);
        while (!waiting.isEmpty()) {
            for (QueueServer s : List.copyOf(waiting)) {
                if (s.ready()) {
                    waiting.remove(s);
                } else if (!s.running()) {
                    String tail = s.main().logTail(6);
                    boolean portTaken = tail.contains("Address already in use") || tail.contains("eaddrinuse")
                            || tail.contains("BindException");
                    int attempt = attempts.merge(s.kind(), 1, Integer::sum);
                    if (portTaken && options.fixedPort(s.kind()) == 0 && attempt < BIND_RETRIES) {
                        // Free ports were chosen, then taken by someone else before the server bound them: choose again.
                        s.stop();
                        QueueServer again = startOne(s.kind(), s.dir.getParent(), s.kind().binary().orElse(null), 0, owner);
                        servers.set(servers.indexOf(s), again);
                        waiting.set(waiting.indexOf(s), again);
                        continue;
                    }
                    s.stop();
                    throw new ClusterException(portTaken
                            ? "%s 를 시작하지 못했습니다: 포트 %d 를 이미 다른 프로그램이 쓰고 있습니다.%n  해결: 다른 포트를 고르거나(0 = 빈 포트 자동 선택) 그 프로그램을 끄세요. 로그: %s%n%s"
                                    .formatted(s.kind().displayName(), s.port(), s.log(), tail)
                            : "%s 가 시작 도중 종료되었습니다. 로그: %s%n%s".formatted(s.kind().displayName(), s.log(), tail));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                QueueServer slow = waiting.get(0);
                throw new ClusterException("%s 가 %d초 안에 준비되지 않았습니다 (포트 %d). 로그: %s%n%s".formatted(
                        slow.kind().displayName(), START_TIMEOUT_MS / 1000, slow.port(), slow.log(), slow.main().logTail(6)));
            }
            sleepQuietly(200);
        }
    }

    /** The servers recorded in {@code home} (e.g. by {@code ./course compare up}) when every recorded one runs. */
    public static Optional<CompareServers> attach(Path home) {
        Optional<CompareServers> existing = existing(home);
        return existing.filter(c -> c.servers.values().stream().allMatch(QueueServer::running));
    }

    /** What the state file in {@code home} says, running or not. */
    public static Optional<CompareServers> existing(Path home) {
        Path file = home.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<ServerKind, QueueServer> servers = new EnumMap<>(ServerKind.class);
        Map<ServerKind, String> unavailable = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            String key = kind.name().toLowerCase();
            String ports = p.getProperty(key + ".ports");
            if (ports != null) {
                servers.put(kind, QueueServer.of(kind, home, Stream.of(ports.split(",")).map(Integer::parseInt).toList()));
            } else if (p.getProperty(key + ".unavailable") != null) {
                unavailable.put(kind, p.getProperty(key + ".unavailable"));
            }
        }
        return Optional.of(new CompareServers(home, false, servers, unavailable));
    }

    // ------------------------------------------------------------------------------------------------ for clients

    public boolean available(ServerKind kind) {
        return servers.containsKey(kind);
    }

    /** Kinds started in this home (running or not) or known to be missing. */
    boolean knows(ServerKind kind) {
        return servers.containsKey(kind) || unavailable.containsKey(kind);
    }

    /** Why {@code kind} is not here (Korean, with the install command), or empty when it runs. */
    public Optional<String> unavailableReason(ServerKind kind) {
        return Optional.ofNullable(unavailable.get(kind));
    }

    private QueueServer server(ServerKind kind) {
        QueueServer s = servers.get(kind);
        if (s == null) {
            throw new ClusterException(unavailable.getOrDefault(kind, kind.displayName() + " 는 이 실행에서 시작하지 않았습니다."));
        }
        return s;
    }

    public int port(ServerKind kind) {
        return server(kind).port();
    }

    public Path log(ServerKind kind) {
        return server(kind).log();
    }

    /** Is the server process still alive (for "server down mid-run" messages)? */
    public boolean running(ServerKind kind) {
        return available(kind) && server(kind).running();
    }

    /** The pid of the server process, for experiments that stop a server on purpose. */
    public Optional<ProcessHandle> process(ServerKind kind) {
        return server(kind).main().running();
    }

    /**
     * A Korean error for a client call that failed: the server is down (its process is gone) or does not answer,
     * with its log and what to do.
     */
    public ClusterException failure(ServerKind kind, Exception cause) {
        QueueServer s = server(kind);
        for (int i = 0; i < 10 && s.running(); i++) {
            sleepQuietly(50); // a server just killed may take a moment to be gone: tell "down" rather than "not answering"
        }
        String what = s.running()
                ? "%s(127.0.0.1:%d) 가 응답하지 않습니다: %s".formatted(kind.displayName(), s.port(), cause == null ? "" : cause.getMessage())
                : "%s 서버가 꺼져 있습니다 (프로세스가 없습니다).".formatted(kind.displayName());
        return new ClusterException("%s%n  해결: ./course compare status 로 확인하고, 필요하면 ./course compare down 후 up. 서버 로그: %s%n%s"
                .formatted(what, s.log(), s.main().logTail(4)), cause);
    }

    /**
     * A server of this run whose process is gone (killed, crashed): the Korean message of {@link #failure} for the
     * first such server, naming it and its log; empty while every server runs.
     */
    public Optional<String> downMessage() {
        for (var e : servers.entrySet()) {
            if (!e.getValue().running()) {
                return Optional.of(failure(e.getKey(), null).getMessage());
            }
        }
        return Optional.empty();
    }

    /** {@link #downMessage()} of this JVM's shared servers, when a test or notebook of this JVM has used them. */
    public static Optional<String> sharedDownMessage() {
        CompareServers s = shared;
        return s == null ? Optional.empty() : s.downMessage();
    }

    public String rabbitUser() {
        return RabbitServer.USER;
    }

    public String rabbitPassword() {
        return RabbitServer.PASSWORD;
    }

    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + port(ServerKind.SQS));
    }

    public Path home() {
        return home;
    }

    /** One line per server for {@code ./course compare status} and notebooks. */
    public List<String> statusLines() {
        List<String> lines = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            if (servers.containsKey(kind)) {
                QueueServer s = servers.get(kind);
                lines.add("%-16s %-8s 127.0.0.1:%-6d 로그: %s".formatted(kind.displayName(), s.running() ? "실행 중" : "중지됨", s.port(), s.log()));
            } else {
                lines.add("%-16s %-8s %s".formatted(kind.displayName(), "없음", unavailable.get(kind)));
            }
        }
        return lines;
    }

    /** Stop every server (SIGTERM, then SIGKILL after a grace period). */
    public void shutdown() {
        servers.values().forEach(QueueServer::stop);
        try {
            Files.deleteIfExists(home.resolve(STATE_FILE));
        } catch (IOException ignored) {
            // the pid files' command-line check makes a stale state file harmless
        }
    }

    @Override
    public void close() {
        if (owned) {
            shutdown();
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void writeState(long owner) {
        Properties p = new Properties();
        p.setProperty("owner.pid", Long.toString(owner));
        servers.forEach((kind, s) -> p.setProperty(kind.name().toLowerCase() + ".ports",
                String.join(",", s.ports.stream().map(String::valueOf).toList())));
        unavailable.forEach((kind, reason) -> p.setProperty(kind.name().toLowerCase() + ".unavailable", reason));
        try (Writer w = Files.newBufferedWriter(home.resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            p.store(w, "Comparison servers of the Kafka course (written by course-kit)");
        } catch (IOException e) {
            throw new ClusterException("비교 서버 상태 파일을 쓸 수 없습니다: " + home.resolve(STATE_FILE), e);
        }
    }

    private void startWatchdog(long owner, java.util.Collection<QueueServer> watched) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", launcherDir().toString(), ServerWatchdog.class.getName(), Long.toString(owner)));
        watched.forEach(s -> s.processes().forEach(p -> p.running().ifPresent(h -> cmd.add(Long.toString(h.pid())))));
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("watchdog.log").toFile())).start();
        } catch (IOException e) {
            throw new ClusterException("비교 서버 감시 프로세스를 시작할 수 없습니다: " + e.getMessage(), e);
        }
    }

    /** {@link ServerWatchdog} copied out of the kit, so rebuilding the kit never pulls it from under a running watchdog. */
    private Path launcherDir() {
        Path dir = home.resolve("launcher");
        String classFile = ServerWatchdog.class.getName().replace('.', '/') + ".class";
        try (var in = ServerWatchdog.class.getClassLoader().getResourceAsStream(classFile)) {
            Path target = dir.resolve(classFile);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prepare(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new ClusterException("비교 서버 디렉터리에 쓸 수 없습니다: " + home + "\n  해결: 쓰기 권한과 디스크 공간을 확인하세요.", e);
        }
    }

    /** Servers of a dead owner are stopped; servers of a live owner (or of `compare up`) are refused. */
    private static void reapLeftovers(Path home) {
        Optional<CompareServers> previous = existing(home);
        if (previous.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(home.resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return;
        }
        long owner = Long.parseLong(p.getProperty("owner.pid", "0"));
        boolean ownerAlive = owner != 0 && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        boolean anyRunning = previous.get().servers.values().stream()
                .anyMatch(s -> s.processes().stream().anyMatch(pr -> pr.running().isPresent()));
        if (anyRunning && (ownerAlive || owner == 0)) {
            throw new ClusterException("""
                    이 디렉터리의 비교 서버가 이미 실행 중입니다: %s
                      해결: 그대로 쓰거나, 먼저 `./course compare down` 으로 내리세요.""".formatted(home));
        }
        if (anyRunning) {
            System.err.println("[비교 서버] 이전 실행이 남긴 서버 프로세스를 정리합니다: " + home);
        }
        previous.get().servers.values().forEach(QueueServer::stop);
    }

    private static void wipe(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ClusterException("비교 서버의 이전 데이터를 지울 수 없습니다: " + dir, e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("비교 서버 시작이 중단되었습니다.");
        }
    }
}
