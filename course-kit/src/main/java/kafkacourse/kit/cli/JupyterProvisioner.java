package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import kafkacourse.kit.cluster.ClusterHome;

/**
 * Installs Jupyter when none is usable: first a course-local virtual environment ({@code <course home>/jupyter},
 * pip from PyPI), built in a temporary directory and renamed only when complete; where pip cannot reach its index
 * but the OS package manager needs no password (root on Debian: containers, CI), the Debian packages. Otherwise
 * one Korean message with this OS's command.
 */
final class JupyterProvisioner {

    static final List<String> PIP_PACKAGES = List.of("notebook", "nbconvert", "nbclient");
    static final List<String> DEBIAN_PACKAGES = List.of("jupyter-notebook", "python3-nbconvert", "python3-nbclient", "python3-ipykernel");

    private final Path log = ClusterHome.courseHome().resolve("jupyter-install.log");

    private static void say(String line) {
        System.out.println("[Jupyter 설치] " + line);
    }

    /** A usable Jupyter after installing one, or empty (the message with the command to run was printed). */
    Optional<JupyterPython> provision() {
        say("쓸 수 있는 Jupyter가 없어서 설치합니다 (기록: " + log + ")");
        Optional<JupyterPython> venv = virtualEnvironment();
        if (venv.isPresent()) {
            return venv;
        }
        if (Platform.isDebian() && Platform.isRoot() && Platform.onPath("apt-get").isPresent()) {
            Optional<JupyterPython> apt = debianPackages();
            if (apt.isPresent()) {
                return apt;
            }
        }
        System.err.println("[Jupyter 설치] Jupyter를 자동으로 설치하지 못했습니다. 다음 명령으로 설치한 뒤 ./course start 를 다시 실행하세요:\n"
                + "    " + manualCommand() + "\n  (클러스터는 실행 중입니다: ./course cluster status, 설치 기록: " + log + ")");
        return Optional.empty();
    }

    /** The exact command for this OS. */
    static String manualCommand() {
        if (Platform.isWindows()) {
            return "py -m pip install --user " + String.join(" ", PIP_PACKAGES);
        }
        if (Platform.isMac()) {
            return "brew install jupyterlab";
        }
        if (Platform.isDebian()) {
            return (Platform.isRoot() ? "" : "sudo ") + "apt-get install -y " + String.join(" ", DEBIAN_PACKAGES);
        }
        if (Files.isRegularFile(Path.of("/etc/fedora-release")) || Files.isRegularFile(Path.of("/etc/redhat-release"))) {
            return "sudo dnf install -y python3-notebook python3-nbconvert python3-nbclient";
        }
        return "python3 -m pip install --user " + String.join(" ", PIP_PACKAGES);
    }

    private Optional<JupyterPython> virtualEnvironment() {
        Optional<Path> python = Platform.onPath("python3").or(() -> Platform.onPath("python"));
        if (python.isEmpty()) {
            say("1/3 가상 환경: python3 이 없어 건너뜁니다");
            return Optional.empty();
        }
        Path target = JupyterPython.courseEnvironment();
        Path tmp = target.resolveSibling("jupyter.partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            deleteTree(tmp);
            long t0 = System.nanoTime();
            say("1/3 가상 환경을 만듭니다: " + python.get() + " -m venv");
            int rc = Processes.run(List.of(python.get().toString(), "-m", "venv", tmp.toString()), target.getParent(), log,
                    Map.of(), Duration.ofMinutes(3));
            if (rc != 0) {
                say("  가상 환경을 만들지 못했습니다(Debian/Ubuntu 에는 python3-venv 패키지가 필요합니다). " + seconds(t0));
                return Optional.empty();
            }
            t0 = System.nanoTime();
            say("2/3 pip install " + String.join(" ", PIP_PACKAGES) + " ...");
            List<String> pip = new java.util.ArrayList<>(List.of(JupyterPython.pythonIn(tmp).toString(), "-m", "pip", "install",
                    "--disable-pip-version-check", "--no-input", "--retries", "0", "--timeout", "5"));
            pip.addAll(PIP_PACKAGES);
            rc = Processes.run(pip, target.getParent(), log, Map.of("PIP_NO_INPUT", "1"), Duration.ofMinutes(15));
            if (rc != 0) {
                say("  pip 가 패키지 색인(PyPI)에 닿지 않거나 설치에 실패했습니다 " + seconds(t0) + " — 다른 방법을 찾습니다");
                return Optional.empty();
            }
            say("3/3 확인하고 " + target + " 로 옮깁니다");
            Optional<JupyterPython> probed = JupyterPython.probe(JupyterPython.pythonIn(tmp));
            if (probed.isEmpty()) {
                say("  설치했지만 Jupyter를 쓸 수 없습니다");
                return Optional.empty();
            }
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            say("✔ 강좌 전용 Jupyter 환경이 준비되었습니다: " + target);
            return JupyterPython.probe(JupyterPython.pythonIn(target));
        } catch (IOException e) {
            say("  가상 환경 설치 중 오류: " + e.getMessage());
            return Optional.empty();
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // a leftover partial directory is removed by the next attempt
            }
        }
    }

    private Optional<JupyterPython> debianPackages() {
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        long t0 = System.nanoTime();
        say("1/2 root 계정이라 Debian 패키지로 설치합니다: apt-get update ...");
        int rc = Processes.run(List.of("apt-get", "update"), Path.of("/"), log, env, Duration.ofMinutes(5));
        if (rc != 0) {
            say("  apt-get update 에 실패했습니다 " + seconds(t0));
            return Optional.empty();
        }
        t0 = System.nanoTime();
        say("2/2 apt-get install " + String.join(" ", DEBIAN_PACKAGES) + " ...");
        List<String> install = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(DEBIAN_PACKAGES);
        rc = Processes.run(install, Path.of("/"), log, env, Duration.ofMinutes(15));
        if (rc != 0) {
            say("  apt-get install 에 실패했습니다 " + seconds(t0));
            return Optional.empty();
        }
        Optional<JupyterPython> found = JupyterPython.probe(Path.of("/usr/bin/python3"));
        say(found.isPresent() ? "✔ Debian 패키지로 Jupyter를 설치했습니다 " + seconds(t0) : "  설치했지만 Jupyter를 쓸 수 없습니다");
        return found;
    }

    private static String seconds(long t0) {
        return String.format("(%.1f초)", (System.nanoTime() - t0) / 1e9);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
