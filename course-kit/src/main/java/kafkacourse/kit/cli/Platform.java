package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The operating system the launcher runs on: programs on PATH, root or not, how to install things here. */
final class Platform {

    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    private Platform() {
    }

    static boolean isWindows() {
        return OS.startsWith("windows");
    }

    static boolean isMac() {
        return OS.startsWith("mac");
    }

    static boolean isDebian() {
        return Files.isRegularFile(Path.of("/etc/debian_version"));
    }

    /** Running as root (containers, CI): the OS package manager needs no password. Never true on Windows. */
    static boolean isRoot() {
        if (isWindows()) {
            return false;
        }
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A program found on PATH (with .exe on Windows), like the shell would find it. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> names = isWindows() ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String n : names) {
                Path candidate = Path.of(dir).resolve(n);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The java of this JVM (the kernel and the brokers run on the same JDK as the launcher). */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    /** Opens a URL in the learner's browser; false when there is no way to (a server without a desktop). */
    static boolean openBrowser(String url) {
        List<String> cmd;
        if (isWindows()) {
            cmd = List.of("rundll32", "url.dll,FileProtocolHandler", url);
        } else if (isMac()) {
            cmd = List.of("open", url);
        } else if (onPath("xdg-open").isPresent()) {
            cmd = List.of("xdg-open", url);
        } else {
            return false;
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
