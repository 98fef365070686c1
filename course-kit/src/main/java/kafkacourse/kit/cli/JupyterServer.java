package kafkacourse.kit.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.cluster.ClusterHome;

/**
 * The Jupyter server of {@code ./course start}: started without a shell on 127.0.0.1 with a token chosen here (so the
 * URL is known without reading Jupyter's output), its output in {@code <course home>/jupyter.log}.
 */
final class JupyterServer {

    private final Process process;
    private final String url;

    private JupyterServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static JupyterServer start(JupyterPython jupyter, boolean lab, int preferredPort) throws IOException {
        int port = freePort(preferredPort);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        String module = lab ? "jupyterlab" : "notebook";
        List<String> cmd = new ArrayList<>(jupyter.module(module, "--no-browser", "--ip=127.0.0.1", "--port=" + port,
                "--port-retries=0", "--notebook-dir=" + CourseLayout.notebooks()));
        if (Platform.isRoot()) {
            cmd.add("--allow-root"); // Jupyter refuses root (containers, cloud VMs) unless told: the learner asked for it
        }
        Path log = ClusterHome.courseHome().resolve("jupyter.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CourseLayout.notebooks().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Processes.nullDevice()));
        pb.environment().put("JUPYTER_TOKEN", token);
        Process p = pb.start();
        String base = "http://127.0.0.1:" + port;
        JupyterServer server = new JupyterServer(p, base + (lab ? "/lab" : "/tree") + "?token=" + token);
        server.awaitReady(base + "/api/status?token=" + token, log);
        return server;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM: Jupyter shuts its kernels down and exits; whatever is left after 15 s is killed. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitReady(String statusUrl, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalArgumentException("Jupyter가 시작하자마자 종료되었습니다(종료 코드 " + process.exitValue()
                        + "). 로그: " + log + "\n" + Processes.tail(log, 15));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(statusUrl)).timeout(Duration.ofSeconds(3))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                process.waitFor(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalArgumentException("Jupyter가 90초 안에 응답하지 않았습니다. 로그: " + log + "\n" + Processes.tail(log, 15));
    }

    /** The preferred port, or the next free one of the 20 after it (a second course, another Jupyter). */
    static int freePort(int preferred) {
        for (int port = preferred; port < preferred + 20; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IllegalArgumentException("Jupyter 포트 " + preferred + "~" + (preferred + 19)
                + " 이(가) 모두 사용 중입니다. 다른 포트: ./course start --port 9999");
    }
}
