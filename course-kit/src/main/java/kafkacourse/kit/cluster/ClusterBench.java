package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Measures what a learner waits for, on a cluster of its own under {@code <home>} (never the learner's cluster):
 * cold and warm {@code cluster up}, the same three brokers started by hand (the kit's overhead), a broker restart, a
 * leader failover (SIGKILL of the leader → first acks=all send acknowledged), one graded lab, and a warm start again
 * after N graded runs (does the cluster degrade with use?). Figures are printed, never asserted.
 */
public final class ClusterBench {

    /** One measured figure: name and the seconds of each run. */
    public record Figure(String name, List<Double> seconds) {
        public double median() {
            List<Double> s = new ArrayList<>(seconds);
            Collections.sort(s);
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }

        public double min() {
            return Collections.min(seconds);
        }

        public double max() {
            return Collections.max(seconds);
        }
    }

    private final Path home;
    private final int runs;
    private final Duration startTimeout;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /** {@code startTimeout}: how long one cluster start may take (generous: a loaded 2-core machine is slow, not broken). */
    public ClusterBench(Path home, int runs, Duration startTimeout) {
        this.home = home;
        this.runs = runs;
        this.startTimeout = startTimeout;
    }

    public Map<String, Figure> figures() {
        return figures;
    }

    /** The steps that could not be measured, with the Korean reason. */
    public Map<String, String> failures() {
        return failures;
    }

    /**
     * Runs one step of the benchmark; a failure is recorded and printed in Korean with the step's name, the bench
     * cluster is stopped, and the benchmark goes on with the next step (its figures stay what they were).
     */
    public void step(String name, Runnable action) {
        long t0 = System.nanoTime();
        System.out.println("▶ " + name + " ...");
        try {
            action.run();
            System.out.printf("  (%.0f초)%n", (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            failures.put(name, reason);
            System.out.println("✘ 측정하지 못했습니다: " + name + "\n  이유: " + reason.replace("\n", "\n  "));
            stop();
        }
    }

    private ClusterOptions options() {
        // Detached, so that graded runs (other JVMs) attach to it as they would to `./course cluster up`.
        return ClusterOptions.interactive(0).withHome(home.resolve("cluster")).withStartTimeout(startTimeout);
    }

    /** Cold (storage formatted anew) and warm (existing data) starts, alternating with raw starts of the same brokers. */
    public void starts() {
        for (int i = 0; i < runs; i++) {
            LocalKafkaCluster.wipe(options().home());
            record("cluster up (처음: 포맷 포함)", () -> LocalKafkaCluster.start(options()));
            LocalKafkaCluster.existing(options().home()).orElseThrow().shutdown();
            record("cluster up (다시: 데이터 있음)", () -> LocalKafkaCluster.start(options()));
            LocalKafkaCluster.existing(options().home()).orElseThrow().shutdown();
            record("같은 브로커 3개 직접 실행 (도구 없이)", this::rawStart);
        }
    }

    /** Broker restart and leader failover on a running cluster. */
    public void restartAndFailover() {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(options())) {
            for (int i = 0; i < runs; i++) {
                cluster.kill(2);
                record("브로커 1개 재시작 (SIGKILL 뒤 start)", () -> {
                    cluster.start(2);
                    cluster.awaitAllBrokersReady();
                    return null;
                });
                figures.computeIfAbsent("리더 장애 조치 (SIGKILL → 첫 acks=all 전송 성공)", n -> new Figure(n, new ArrayList<>()))
                        .seconds().add(failover(cluster));
                cluster.restoreAllNodes();
            }
        }
    }

    /**
     * Runs {@code command} (a graded lab run) {@code count} times against a running bench cluster; returns each time.
     * {@code name} null: not recorded (a warm-up run).
     */
    public List<Double> gradedRuns(List<String> command, Path workDir, int count, String name) {
        List<Double> times = new ArrayList<>();
        try (LocalKafkaCluster cluster = LocalKafkaCluster.attach(options().home()).orElseGet(() -> LocalKafkaCluster.start(options()))) {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(home.resolve("graded-run.log").toFile());
                pb.environment().put("KAFKA_COURSE_HOME", home.toString());
                pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
                try {
                    Process p = pb.start();
                    if (!p.waitFor(10, TimeUnit.MINUTES)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        throw new ClusterException("채점 실행이 10분 안에 끝나지 않았습니다. 로그: " + home.resolve("graded-run.log"));
                    }
                    String output = Files.readString(home.resolve("graded-run.log"));
                    if (!output.contains("합계:")) {
                        throw new ClusterException("채점 결과표가 나오지 않았습니다 (종료 코드 " + p.exitValue() + "). 로그: " + home.resolve("graded-run.log"));
                    }
                } catch (IOException e) {
                    throw new ClusterException("채점 명령을 실행할 수 없습니다: " + command, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterException("중단되었습니다.");
                }
                times.add((System.nanoTime() - t0) / 1e9);
            }
            if (name != null) {
                figures.put(name, new Figure(name, times));
            }
            return times;
        }
    }

    /**
     * Warm start once more, named for the state of the cluster (e.g. after N graded runs). A used cluster is restarted
     * the way a learner's is, the next day: after the brokers have removed the data of the topics the graded runs
     * deleted (Kafka renames such a directory {@code …-delete} and removes it {@code file.delete.delay.ms} later). A
     * restart right after the last run would load hundreds of those directories: a figure about the bench, not the
     * cluster. The wait is bounded and printed.
     */
    public void warmStartAgain(String name) {
        awaitDeletedTopicDataGone(Duration.ofMinutes(3));
        LocalKafkaCluster.existing(options().home()).ifPresent(LocalKafkaCluster::shutdown);
        for (int i = 0; i < runs; i++) {
            record(name, () -> LocalKafkaCluster.start(options()));
            LocalKafkaCluster.existing(options().home()).orElseThrow().shutdown();
        }
    }

    private void awaitDeletedTopicDataGone(Duration limit) {
        Optional<LocalKafkaCluster> running = LocalKafkaCluster.existing(options().home());
        if (running.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            Awaitility.await("지운 토픽의 데이터(-delete 디렉터리)가 브로커에서 지워지기를").atMost(limit)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> deletedTopicDirectories(running.get()) == 0);
            System.out.printf("  (지운 토픽의 데이터가 지워지기를 %.0f초 기다림)%n", (System.nanoTime() - t0) / 1e9);
        } catch (ConditionTimeoutException e) {
            System.out.println("  (" + limit.toSeconds() + "초 뒤에도 지운 토픽의 디렉터리 " + deletedTopicDirectories(running.get())
                    + "개가 남아 있어 그대로 다시 시작합니다)");
        }
    }

    private static long deletedTopicDirectories(LocalKafkaCluster cluster) {
        long n = 0;
        for (NodeSpec node : cluster.state().nodes()) {
            try (java.util.stream.Stream<Path> dirs = Files.list(node.dataDir())) {
                n += dirs.filter(d -> d.getFileName().toString().endsWith("-delete")).count();
            } catch (IOException e) {
                // a node without data yet
            }
        }
        return n;
    }

    /** Resident memory of three idle brokers, in MB (Linux /proc; -1 elsewhere). */
    public long idleBrokersRssMb() {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(options())) {
            long kb = 0;
            for (NodeSpec node : cluster.state().nodes()) {
                long pid = ClusterState.runningBroker(node).orElseThrow().pid();
                Path status = Path.of("/proc", Long.toString(pid), "status");
                if (!Files.exists(status)) {
                    return -1;
                }
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        kb += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
            return kb / 1024;
        } catch (IOException e) {
            return -1;
        } finally {
            LocalKafkaCluster.existing(options().home()).ifPresent(LocalKafkaCluster::shutdown);
        }
    }

    public void stop() {
        LocalKafkaCluster.existing(options().home()).ifPresent(LocalKafkaCluster::shutdown);
    }

    private void record(String name, Supplier<?> action) {
        long t0 = System.nanoTime();
        Object result = action.get();
        double s = (System.nanoTime() - t0) / 1e9;
        if (result instanceof LocalKafkaCluster c) {
            c.close();
        }
        figures.computeIfAbsent(name, n -> new Figure(n, new ArrayList<>())).seconds().add(s);
    }

    /**
     * The three brokers of the (formatted, stopped) bench cluster started with the kit's own command lines, but
     * ready when an outside Admin client sees three brokers: what the kit adds on top of Kafka itself.
     */
    private Object rawStart() {
        LocalKafkaCluster cluster = LocalKafkaCluster.existing(options().home()).orElseThrow();
        List<Process> processes = new ArrayList<>();
        try {
            for (NodeSpec node : cluster.state().nodes()) {
                Process p = new ProcessBuilder(BrokerRuntime.brokerCommand(options().home(), node, 0))
                        .redirectErrorStream(true).redirectOutput(node.consoleFile().toFile()).start();
                Files.writeString(node.pidFile(), Long.toString(p.pid())); // so that shutdown() below finds it
                processes.add(p);
            }
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            AdminSupport.tuneAdmin(p);
            try (Admin admin = Admin.create(p)) {
                long deadline = System.nanoTime() + startTimeout.toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        if (admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size() == 3) {
                            return null;
                        }
                    } catch (Exception e) {
                        // not up yet
                    }
                    Thread.sleep(50);
                }
                throw new ClusterException("직접 실행한 브로커 3개가 " + startTimeout.toSeconds() + "초 안에 준비되지 않았습니다: " + options().home());
            }
        } catch (IOException e) {
            throw new ClusterException("브로커를 직접 실행할 수 없습니다.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("중단되었습니다.");
        } finally {
            // Measured up to "ready"; the brokers go before the next measurement (outside the timed part). SIGKILL: the
            // next measured start is a cold one (wiped storage), so a graceful stop would only make the bench longer.
            processes.forEach(Process::destroyForcibly);
            cluster.killAll();
        }
    }

    private static double failover(LocalKafkaCluster cluster) {
        String topic = "bench-failover-" + System.nanoTime();
        cluster.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = cluster.leaderOf(topic, 0);
        Properties p = cluster.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            cluster.kill(leader);
            producer.send(new ProducerRecord<>(topic, "k", "after")).get(60, TimeUnit.SECONDS);
            return (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            throw new ClusterException("장애 조치 측정 중 전송이 실패했습니다: " + e.getMessage(), e);
        } finally {
            cluster.restoreAllNodes();
            cluster.admin().deleteTopics(List.of(topic));
        }
    }
}
