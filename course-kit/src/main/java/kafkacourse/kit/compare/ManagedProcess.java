package kafkacourse.kit.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kafkacourse.kit.cluster.ClusterException;

/**
 * One server process of the comparison: started with its output in a log file, its pid in a pid file, and
 * recognised later by pid file <em>and</em> command line (a recycled pid is never mistaken for the server).
 */
record ManagedProcess(String name, Path pidFile, Path log, String commandLineMarker) {

    Process start(List<String> command, Map<String, String> env, Path workDir) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            Files.writeString(pidFile, Long.toString(p.pid()));
            return p;
        } catch (IOException e) {
            throw new ClusterException("%s 를 시작할 수 없습니다: %s (로그: %s)".formatted(name, e.getMessage(), log), e);
        }
    }

    Optional<ProcessHandle> running() {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isOurs(ProcessHandle h) {
        return commandLine(h).map(cl -> cl.contains(commandLineMarker)).orElse(false);
    }

    /** /proc/PID/cmdline where there is one (ProcessHandle.Info gives up on long command lines), else Info. */
    private static Optional<String> commandLine(ProcessHandle h) {
        Path proc = Path.of("/proc", Long.toString(h.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            }
        } catch (IOException ignored) {
            // fall back to what the JDK knows
        }
        return h.info().commandLine();
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; children (epmd helpers, erl_child_setup) go too. */
    void stop(int graceSeconds) {
        running().ifPresent(h -> stop(h, graceSeconds));
        forget();
    }

    static void stop(ProcessHandle h, int graceSeconds) {
        List<ProcessHandle> children = h.descendants().toList();
        h.destroy();
        h.onExit().completeOnTimeout(null, graceSeconds, TimeUnit.SECONDS).join();
        if (h.isAlive()) {
            h.destroyForcibly();
            h.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    void forget() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: the command-line check rejects it
        }
    }

    /** The last lines of the log, for error messages. */
    String logTail(int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> list = all.filter(l -> !l.isBlank() && !l.stripLeading().startsWith("at ")).toList();
            return list.subList(Math.max(0, list.size() - lines), list.size()).stream()
                    .map(l -> "    | " + l).collect(Collectors.joining("\n"));
        } catch (IOException | RuntimeException e) {
            return "    (로그를 읽을 수 없음: " + log + ")";
        }
    }
}
