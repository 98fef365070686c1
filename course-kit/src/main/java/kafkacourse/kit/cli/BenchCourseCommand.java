package kafkacourse.kit.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import kafkacourse.kit.Columns;
import kafkacourse.kit.cluster.ClusterBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./course bench course}: what a learner waits for (cluster starts, failover, grading), and whether it degrades with use. */
@Command(name = "course", mixinStandardHelpOptions = true,
        description = "클러스터 시작(처음/다시/채점 N번 뒤), 도구 없이 직접 실행, 브로커 재시작, 리더 장애 조치, 실습 채점 시간을 잽니다.")
final class BenchCourseCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "강좌 루트 디렉터리")
    Path root;

    @Option(names = "--runs", defaultValue = "3", description = "항목마다 반복 횟수 (기본: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--graded-runs", defaultValue = "20", description = "클러스터를 '써 보는' 채점 실행 횟수 (기본: ${DEFAULT-VALUE})")
    int gradedRuns;

    @Option(names = "--lab", defaultValue = "lab01", description = "채점할 실습 (기본: ${DEFAULT-VALUE})")
    String lab;

    @Option(names = "--wait", defaultValue = "300", description = "클러스터 시작 한 번을 기다리는 최대 시간(초). 부하가 큰 컴퓨터는 느릴 뿐 고장이 아닙니다 (기본: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Override
    public Integer call() throws IOException {
        Path root = this.root.toAbsolutePath().normalize();
        Path home = root.resolve("target/bench-course");
        ClusterBench bench = new ClusterBench(home, runs, Duration.ofSeconds(waitSeconds));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-stop"));
        long t0 = System.nanoTime();
        System.out.println("▶ 측정용 클러스터: " + home.resolve("cluster") + " (강좌 클러스터와 별개)");
        try {
            bench.step("클러스터 시작 (처음·다시·직접 실행, " + runs + "번씩)", bench::starts);
            bench.step("브로커 재시작과 리더 장애 조치 (" + runs + "번씩)", bench::restartAndFailover);
            // What a learner runs: ./course grade (the quick path), on the solutions so that every test does its work.
            List<String> grade = courseGrade(root, lab, true);
            bench.step("채점 준비 (한 번, 재지 않음: 의존성 목록과 첫 컴파일)", () -> bench.gradedRuns(grade, root, 1, null));
            // The learner's loop: grading the learner's code, here the stubs (tests fail fast, so this is the grader's own time).
            List<String> learnerGrade = courseGrade(root, lab, false);
            bench.step("학습자 코드 채점 (" + runs + "번, ./course grade " + lab + ", 준비 1번은 재지 않음)", () -> {
                bench.gradedRuns(learnerGrade, root, 1, null);
                bench.gradedRuns(learnerGrade, root, runs, LEARNER_GRADED);
            });
            if (gradedRuns > 0) {
                bench.step("실습 채점 " + gradedRuns + "번 (./course grade " + lab + " --solutions, 클러스터 실행 중)",
                        () -> bench.gradedRuns(grade, root, gradedRuns, GRADED));
                bench.step("채점 " + gradedRuns + "번 뒤 클러스터 다시 시작 (" + runs + "번)",
                        () -> bench.warmStartAgain(usedName(gradedRuns)));
            }
            long[] rss = {-1};
            bench.step("쉬고 있는 브로커 3개의 메모리", () -> rss[0] = bench.idleBrokersRssMb());
            print(bench.figures(), recorded(root), rss[0], gradedRuns);
        } finally {
            bench.stop();
        }
        System.out.printf("벤치 전체: %.0f초%n", (System.nanoTime() - t0) / 1e9);
        if (!bench.failures().isEmpty()) {
            System.out.println("✘ 측정하지 못한 항목: " + String.join(", ", bench.failures().keySet()));
            return 1;
        }
        return 0;
    }

    static final String GRADED = "실습 하나 채점 (./course grade, 클러스터 실행 중)";
    static final String LEARNER_GRADED = "학습자 코드 채점 (./course grade, 바뀐 코드 없음, 클러스터 실행 중)";

    static String usedName(int gradedRuns) {
        return "cluster up (다시: 채점 " + gradedRuns + "번 뒤)";
    }

    /** {@code java -cp <kit jar> kafkacourse.kit.cli.Launcher grade <lab> [--solutions]}: ./course without its shell bootstrap. */
    private static List<String> courseGrade(Path root, String lab, boolean solutions) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Dcourse.root=" + root,
                "-cp", root.resolve(CourseLayout.KIT_JAR).toString(), Launcher.class.getName(), "grade", lab));
        if (solutions) {
            cmd.add("--solutions");
        }
        return cmd;
    }

    private static Properties recorded(Path root) throws IOException {
        Properties p = new Properties();
        Path file = root.resolve("docs-ko/bench-recorded.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static void print(Map<String, ClusterBench.Figure> figures, Properties recorded, long rssMb, int gradedRuns) {
        System.out.println();
        System.out.println("══ 측정 결과 (초; 이 컴퓨터에서, " + Runtime.getRuntime().availableProcessors() + "코어) ══");
        System.out.println(Columns.pad("항목", 44) + Columns.pad("최소", 8) + Columns.pad("중앙", 8) + Columns.pad("최대", 8) + "기록 대비");
        for (ClusterBench.Figure f : figures.values()) {
            String key = f.name().replaceAll("[^0-9A-Za-z가-힣]+", "_");
            String ratio = recorded.containsKey(key)
                    ? String.format("%.2f× (기록 %.1f초)", f.median() / Double.parseDouble(recorded.getProperty(key)), Double.parseDouble(recorded.getProperty(key)))
                    : "-";
            System.out.println(Columns.pad(f.name(), 44) + Columns.pad(String.format("%.1f", f.min()), 8)
                    + Columns.pad(String.format("%.1f", f.median()), 8) + Columns.pad(String.format("%.1f", f.max()), 8) + ratio);
        }
        ClusterBench.Figure raw = figures.get("같은 브로커 3개 직접 실행 (도구 없이)");
        ClusterBench.Figure warm = figures.get("cluster up (다시: 데이터 있음)");
        ClusterBench.Figure used = figures.get(usedName(gradedRuns));
        if (raw != null && warm != null) {
            System.out.printf("도구의 부담: 다시 시작 / 직접 실행 = %.2f (목표 1.1 이하)%n", warm.median() / raw.median());
        }
        if (used != null && warm != null) {
            System.out.printf("쓸수록 느려지나: 채점 %d번 뒤 다시 시작 / 처음 다시 시작 = %.2f (목표 1.2 이하)%n", gradedRuns, used.median() / warm.median());
        }
        ClusterBench.Figure learner = figures.get(LEARNER_GRADED);
        if (learner != null) {
            System.out.printf("실습 하나 채점(학습자 코드, 클러스터 실행 중): 중앙 %.1f초 (목표 5초 이하)%n", learner.median());
        }
        if (rssMb >= 0) {
            System.out.println("쉬고 있는 브로커 3개의 메모리(RSS): " + rssMb + " MB (목표 500 MB 이하)");
        }
        System.out.println("(측정값은 보여 주기만 합니다. 시간은 컴퓨터와 그 순간의 부하에 따라 다릅니다.)");
    }
}
