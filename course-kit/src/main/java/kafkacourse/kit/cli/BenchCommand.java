package kafkacourse.kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import kafkacourse.kit.Columns;
import kafkacourse.kit.bench.BenchResult;
import kafkacourse.kit.bench.ProducerBench;
import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./course bench producer}: the learner's producer settings of lab 11 against the baseline and Kafka's own tool. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "속도를 잽니다(결과는 보여 주기만 합니다): 프로듀서 처리량(실습 11), 강좌 클러스터와 채점.",
        subcommands = {BenchCommand.Producer.class, BenchCourseCommand.class})
final class BenchCommand {

    static final String LAB = "lab11-throughput";
    static final String CONFIGS_CLASS = "kafkacourse.lab11.ThroughputConfigs";
    static final String PAYLOAD_RESOURCE = "kafkacourse/lab11/orders.jsonl";

    @Command(name = "producer", mixinStandardHelpOptions = true,
            description = "같은 클러스터·같은 주문 파일로 기준선, 내 설정(ThroughputConfigs.tuned), Kafka 의 ProducerPerformance 를 차례로 잽니다.")
    static final class Producer implements Callable<Integer> {
        @Option(names = "--root", defaultValue = ".", description = "강좌 루트 디렉터리 (기본: 현재 디렉터리)")
        Path root;

        @Option(names = "--records", defaultValue = "100000", description = "프로듀서마다 보낼 레코드 수 (기본: ${DEFAULT-VALUE})")
        long records;

        @Option(names = "--keys", defaultValue = "10000", description = "서로 다른 키 수: 0..N-1 을 돌아가며 씁니다 (기본: ${DEFAULT-VALUE})")
        int keys;

        @Option(names = "--solutions", description = "강사용: 내 코드 대신 solutions/ 의 답안으로 잽니다.")
        boolean solutions;

        @Override
        public Integer call() throws Exception {
            Path lab = root.toAbsolutePath().normalize().resolve("labs").resolve(LAB);
            if (!Files.isDirectory(lab)) {
                throw new ClusterException("실습 폴더가 없습니다: " + lab + " (강좌 루트에서 실행하거나 --root 를 주세요)");
            }
            compile(root.toAbsolutePath().normalize(), solutions);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {lab.resolve("target/classes").toUri().toURL()}, getClass().getClassLoader())) {
                Properties baseline = settings(loader, "baseline");
                Properties tuned = settings(loader, "tuned");
                List<String> payloads = payloads(loader);
                Path payloadFile = ProducerBench.writePayloadFile(payloads);
                try (KafkaCluster cluster = CourseCluster.running().orElseThrow(() -> new ClusterException(
                        "실행 중인 강좌 클러스터가 없습니다. 먼저 `./course cluster up` 을 실행하세요."))) {
                    System.out.printf("클러스터 %s, 토픽 파티션 6개·RF 3, 주문 JSON %d종(평균 %.0f바이트), 레코드 %,d건, 키 %,d개%n",
                            cluster.bootstrapServers(), payloads.size(), averageBytes(payloads), records, keys);
                    System.out.println("내 설정: " + tuning(tuned));
                    ProducerBench bench = new ProducerBench(cluster, payloads, records, keys);
                    List<BenchResult> results = new ArrayList<>();
                    System.out.println("▶ 1/3 기준선 (linger.ms=0, 배치 16KB, 압축 없음) ...");
                    results.add(bench.runClient("기준선 (baseline)", baseline));
                    System.out.println("▶ 2/3 내 설정 (ThroughputConfigs.tuned) ...");
                    results.add(bench.runClient(solutions ? "답안 설정 (tuned)" : "내 설정 (tuned)", tuned));
                    System.out.println("▶ 3/3 Kafka ProducerPerformance (같은 설정, 별도 JVM) ...");
                    results.add(bench.runProducerPerformance("ProducerPerformance", tuned, payloadFile));
                    print(results);
                }
            }
            return 0;
        }
    }

    private static void compile(Path root, boolean solutions) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        Path mvnw = root.resolve(windows ? "mvnw.cmd" : "mvnw");
        List<String> cmd = new ArrayList<>(List.of(mvnw.toString(), "-q", "-f", root.resolve("pom.xml").toString(), "compile", "-pl", "labs/" + LAB));
        if (solutions) {
            cmd.add("-Psolutions");
        }
        System.out.println("▶ 실습 11 코드를 컴파일합니다" + (solutions ? " (solutions/ 답안)" : "") + " ...");
        int exit = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new ClusterException("실습 11 코드가 컴파일되지 않습니다 (위 오류 참고). 고친 뒤 다시 실행하세요.");
        }
    }

    private static Properties settings(ClassLoader loader, String method) throws Exception {
        Method m = loader.loadClass(CONFIGS_CLASS).getMethod(method, Properties.class);
        try {
            return (Properties) m.invoke(null, new Properties());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException u) {
                throw new ClusterException("ThroughputConfigs." + method + "() 가 아직 비어 있습니다: " + u.getMessage()
                        + "\n  과제 1 을 먼저 채우세요 (labs/" + LAB + "/README.ko.md).");
            }
            throw new ClusterException("ThroughputConfigs." + method + "() 가 실패했습니다: " + e.getCause(), e.getCause());
        }
    }

    private static List<String> payloads(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(PAYLOAD_RESOURCE)) {
            if (in == null) {
                throw new ClusterException("주문 파일 " + PAYLOAD_RESOURCE + " 이 없습니다. 실습 11 을 컴파일했는지 확인하세요.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static double averageBytes(List<String> payloads) {
        return payloads.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }

    private static String tuning(Properties p) {
        TreeMap<String, String> shown = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> !k.endsWith("serializer")).forEach(k -> shown.put(k, p.getProperty(k)));
        return shown.toString();
    }

    static void print(List<BenchResult> results) {
        System.out.println();
        System.out.println(Columns.pad("", 24) + String.format("%12s %9s %9s %9s", "레코드/초", "MB/초", "p50(ms)", "p99(ms)"));
        for (BenchResult r : results) {
            System.out.println(Columns.pad(r.name(), 24) + String.format("%12.0f %9.2f %9.0f %9.0f",
                    r.recordsPerSecond(), r.megabytesPerSecond(), r.p50Millis(), r.p99Millis()));
        }
        BenchResult baseline = results.get(0);
        BenchResult mine = results.get(1);
        BenchResult tool = results.get(2);
        double vsBaseline = mine.recordsPerSecond() / baseline.recordsPerSecond();
        double vsTool = mine.recordsPerSecond() / tool.recordsPerSecond();
        System.out.println();
        System.out.printf("내 설정 / 기준선            : %.2f배  (목표 ≥ 3배)   %s%n", vsBaseline, vsBaseline >= 3 ? "✔" : "✘");
        System.out.printf("내 설정 / ProducerPerformance: %.2f배  (목표 ≥ 0.9배) %s%n", vsTool, vsTool >= 0.9 ? "✔" : "✘");
        System.out.println("(이 컴퓨터, 이번 실행의 값입니다. 다른 프로그램이 CPU 를 쓰면 달라집니다 — 채점하지 않습니다.)");
    }
}
