package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Broker control through {@code docker compose} for the course's {@code docker-compose.yml}: node N is service
 * {@code kafka-N}. Uses the Compose v2 plugin ({@code docker compose}) or, failing that, v1 ({@code docker-compose}).
 */
final class ComposeBrokerControl implements BrokerControl {

    static final String SERVICE_PREFIX = "kafka-";

    private final List<String> compose;
    private final Path file;

    private ComposeBrokerControl(List<String> compose, Path file) {
        this.compose = compose;
        this.file = file;
    }

    /**
     * A working compose control for {@code file} whose services include {@code kafka-<id>} for every node id, or the
     * Korean reason why there is none (no compose command, no Docker engine, file or services missing).
     */
    static Probe probe(Path file, Set<Integer> nodeIds) {
        return probe(file, nodeIds, List.of(List.of("docker", "compose"), List.of("docker-compose")));
    }

    /** {@link #probe(Path, Set)} with the compose commands to try, in order (tests pass a fake one). */
    static Probe probe(Path file, Set<Integer> nodeIds, List<List<String>> candidates) {
        if (!Files.isRegularFile(file)) {
            return Probe.unavailable("KAFKA_COMPOSE_FILE 이 가리키는 파일이 없습니다: " + file.toAbsolutePath());
        }
        String lastError = "docker compose 명령을 찾지 못했습니다";
        for (List<String> cmd : candidates) {
            Result version = run(concat(cmd, List.of("version")), 15);
            if (version.exit() != 0) {
                continue;
            }
            ComposeBrokerControl control = new ComposeBrokerControl(cmd, file.toAbsolutePath());
            Result services = control.compose(30, "ps", "--services");
            if (services.exit() != 0) {
                lastError = String.join(" ", cmd) + " 가 Docker 엔진에 연결하지 못했습니다: " + firstLine(services.output());
                continue;
            }
            Set<Integer> known = new TreeSet<>();
            services.output().lines().map(String::strip).filter(s -> s.startsWith(SERVICE_PREFIX))
                    .forEach(s -> parseNode(s).ifPresent(known::add));
            if (!known.containsAll(nodeIds)) {
                return Probe.unavailable("compose 프로젝트에 브로커 서비스 kafka-N 이 모두 있지 않습니다 (있는 노드: "
                        + known + ", 클러스터의 노드: " + nodeIds + "). `docker compose up -d` 로 같은 파일을 띄웠는지 확인하세요.");
            }
            return new Probe(Optional.of(control), "");
        }
        return Probe.unavailable(lastError);
    }

    record Probe(Optional<BrokerControl> control, String reason) {
        static Probe unavailable(String reason) {
            return new Probe(Optional.empty(), reason);
        }
    }

    @Override
    public String describe() {
        return String.join(" ", compose) + " (" + file.getFileName() + ")";
    }

    @Override
    public void kill(int nodeId) {
        check(compose(60, "kill", "-s", "SIGKILL", service(nodeId)), "노드 " + nodeId + " 강제 종료(kill)");
    }

    @Override
    public void stop(int nodeId) {
        check(compose(90, "stop", "-t", "30", service(nodeId)), "노드 " + nodeId + " 정상 종료(stop)");
    }

    @Override
    public void start(int nodeId) {
        check(compose(90, "start", service(nodeId)), "노드 " + nodeId + " 시작(start)");
    }

    @Override
    public Set<Integer> running() {
        Result r = compose(30, "ps", "--services", "--filter", "status=running");
        check(r, "실행 중인 서비스 조회");
        Set<Integer> ids = new TreeSet<>();
        r.output().lines().map(String::strip).forEach(s -> parseNode(s).ifPresent(ids::add));
        return ids;
    }

    @Override
    public String howToReadLog(int nodeId) {
        return String.join(" ", compose) + " -f " + file + " logs " + service(nodeId);
    }

    private static String service(int nodeId) {
        return SERVICE_PREFIX + nodeId;
    }

    private static Optional<Integer> parseNode(String service) {
        String rest = service.substring(SERVICE_PREFIX.length());
        return rest.matches("\\d+") ? Optional.of(Integer.parseInt(rest)) : Optional.empty();
    }

    private Result compose(int timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>(compose);
        cmd.add("-f");
        cmd.add(file.toString());
        cmd.addAll(List.of(args));
        return run(cmd, timeoutSeconds);
    }

    private static void check(Result r, String what) {
        if (r.exit() != 0) {
            throw new ClusterException("docker compose 로 " + what + " 에 실패했습니다 (종료 코드 " + r.exit() + "):\n    " + r.output().strip());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("(출력 없음)").strip();
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("course-compose", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(124, String.join(" ", command) + " 이(가) " + timeoutSeconds + "초 안에 끝나지 않았습니다.");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "중단되었습니다.");
        }
    }
}
