package kafkacourse.kit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of the launcher: always an argument list (no shell), output to a log file or captured. */
final class Processes {

    /** What a finished (or timed-out) child left: its exit code ({@code -1} on time-out) and its output. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Processes() {
    }

    /** Runs a command with its output (stdout+stderr) appended to {@code log}; {@code -1} when it timed out. */
    static int run(List<String> command, Path dir, Path log, Map<String, String> env, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            pb.environment().putAll(env);
            return waitFor(pb.start(), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("프로그램을 실행하지 못했습니다: " + command.get(0) + " (" + e.getMessage() + ")", e);
        }
    }

    /** Runs a command and returns its output; a program that cannot be started gives exit code 127. */
    static Result capture(List<String> command, Duration timeout) {
        try {
            Path out = Files.createTempFile("course-", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                int rc = waitFor(pb.start(), timeout);
                return new Result(rc, Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
    }

    private static int waitFor(Process p, Duration timeout) {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static java.io.File nullDevice() {
        return new java.io.File(Platform.isWindows() ? "NUL" : "/dev/null");
    }

    /** The last lines of a log, indented, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> "    | " + l).toList());
        } catch (IOException | UncheckedIOException e) {
            return "    (로그를 읽지 못했습니다: " + log + ")";
        }
    }
}
