package kafkacourse.kit.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kafkacourse.kit.junit.KafkaLabExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The grader itself: points, pass/fail, the Korean table and grade.json in exactly the documented shape. */
@DisplayName("채점: 점수표와 grade.json")
class GradingListenerTest {

    @TempDir
    Path buildDir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("course.grading");
        System.clearProperty("course.lab.id");
        System.clearProperty("course.build.dir");
    }

    /** A tiny lab run through a real JUnit launcher. Not picked up by surefire (nested class). */
    @ExtendWith(KafkaLabExtensionWithoutCluster.class)
    static class SampleLab {
        @Test
        @Tag("task:1")
        @Points(3)
        @DisplayName("통과하는 테스트")
        void passes() {
            Measurements.report("샘플 지연 시간: %.1f초", 1.5);
            Observations.report("리더 %d 강제 종료 → 새 리더 %d", 1, 2);
            Observations.reportAs("나란히 보기", "read_committed=%s", List.of("order-1"));
        }

        @Test
        @Tag("task:2")
        @DisplayName("틀린 답을 잡는 테스트")
        @Hint("HINTS.ko.md#2 — 힌트 문장")
        void fails() {
            throw new AssertionError("기대: 6건, 실제: 0건");
        }

        @Test
        @Tag("task:1")
        @Points(2)
        @DisplayName("아직 구현하지 않은 TODO")
        @Hint("HINTS.ko.md#1 — 생성자부터")
        void todo() {
            throw new UnsupportedOperationException("TODO 1-1: 생성자를 구현하세요.");
        }
    }

    /** A lab whose set-up fails before any test runs (like a cluster that cannot start). */
    static class BrokenSetupLab {
        @org.junit.jupiter.api.BeforeAll
        static void clusterDoesNotStart() {
            throw new IllegalStateException("클러스터를 시작하지 못했습니다");
        }

        @Test
        @Points(2)
        void plain() {
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
        @Points(3)
        void parameterized(int consumers) {
        }
    }

    /** The stub-message part of {@link KafkaLabExtension}, without starting a cluster. */
    static class KafkaLabExtensionWithoutCluster implements org.junit.jupiter.api.extension.TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(org.junit.jupiter.api.extension.ExtensionContext context, Throwable thrown) throws Throwable {
            new KafkaLabExtension().handleTestExecutionException(context, thrown);
        }
    }

    @Test
    @DisplayName("점수·통과 여부가 grade.json 에 정해진 모양 그대로 기록되고 한국어 점수표가 출력된다")
    void writesGradeJsonAndPrintsKoreanTable() throws Exception {
        System.setProperty("course.grading", "true");
        System.setProperty("course.lab.id", "lab99-sample");
        System.setProperty("course.build.dir", buildDir.toString());
        GradingListener listener = new GradingListener();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SampleLab.class)).build(), listener);
        } finally {
            System.setOut(original);
        }

        JsonNode grade = new ObjectMapper().readTree(buildDir.resolve("grade.json").toFile());
        assertThat(fieldNames(grade)).containsExactly("lab", "score", "max", "tests", "sources", "observations", "measurements");
        assertThat(grade.get("observations")).as("테스트가 알린 관찰 줄").extracting(JsonNode::asText)
                .containsExactly("리더 1 강제 종료 → 새 리더 2", "[나란히 보기] read_committed=[order-1]");
        assertThat(grade.get("measurements")).extracting(JsonNode::asText).containsExactly("샘플 지연 시간: 1.5초");
        assertThat(grade.get("sources").asText()).as("학습자 코드를 채점했다고 적는다").isEqualTo("learner");
        assertThat(grade.get("lab").asText()).isEqualTo("lab99-sample");
        assertThat(grade.get("score").asInt()).isEqualTo(3);
        assertThat(grade.get("max").asInt()).isEqualTo(6);
        assertThat(grade.get("tests")).hasSize(3);
        for (JsonNode test : grade.get("tests")) {
            assertThat(fieldNames(test)).containsExactly("id", "displayName", "points", "passed");
        }
        assertThat(grade.get("tests")).extracting(t -> t.get("id").asText() + "=" + t.get("passed").asBoolean())
                .containsExactlyInAnyOrder("GradingListenerTest$SampleLab#passes=true", "GradingListenerTest$SampleLab#fails=false",
                        "GradingListenerTest$SampleLab#todo=false");

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("채점 결과: lab99-sample", "합계: 3 / 6 점 (50%)", "O 통과", "X 실패",
                "[미구현] TODO 1-1: 생성자를 구현하세요.", "HINTS.ko.md#2 — 힌트 문장", "기대: 6건, 실제: 0건",
                "측정값 (이 컴퓨터, 이번 실행 — 채점과 무관):", "· 샘플 지연 시간: 1.5초",
                "관찰 (테스트가 클러스터에서 본 것 — 채점과 무관):", "· 리더 1 강제 종료 → 새 리더 2", "· [나란히 보기] read_committed=[order-1]");
        assertThat(table.substring(table.indexOf("합계:"))).as("관찰 줄은 점수표 아래에 다시 보인다").contains("· 리더 1 강제 종료 → 새 리더 2");
        assertThat(table).doesNotContain("\tat ");
        assertThat(table).as("grade.txt 는 출력된 점수표 그대로").contains(Files.readString(buildDir.resolve("grade.txt")));
    }

    @Test
    @DisplayName("준비 단계에서 실패한 클래스의 테스트는(매개변수 테스트 포함) 모두 실패로 채점되어 만점이 줄지 않는다")
    void failedSetupStillCountsEveryTestMethod() throws Exception {
        System.setProperty("course.grading", "true");
        System.setProperty("course.lab.id", "lab98-broken");
        System.setProperty("course.build.dir", buildDir.toString());
        Files.writeString(buildDir.resolve("grade.json"), "{\"stale\": true}");
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(BrokenSetupLab.class)).build(),
                            new GradingListener());
        } finally {
            System.setOut(original);
        }

        LabGrade grade = LabGrade.read(buildDir.resolve("grade.json"));
        assertThat(grade.observations()).as("관찰 줄이 없으면 빈 목록").isEmpty();
        assertThat(grade.max()).isEqualTo(5);
        assertThat(grade.score()).isZero();
        assertThat(grade.tests()).extracting(TestGrade::id)
                .containsExactlyInAnyOrder("GradingListenerTest$BrokenSetupLab#plain", "GradingListenerTest$BrokenSetupLab#parameterized");
    }

    @Test
    @DisplayName("강좌 총점은 실습별 grade.json 을 모아 합한다")
    void courseReportSumsTheLabs() throws Exception {
        Path root = buildDir;
        LabGrade.of("lab01-pubsub", List.of(new TestGrade("A#a", "가", 2, true), new TestGrade("A#b", "나", 3, false)))
                .write(root.resolve("labs/lab01-pubsub/target/grade.json"));
        LabGrade.of("lab02-partitioning", List.of(new TestGrade("B#a", "다", 5, true)))
                .write(root.resolve("labs/lab02-partitioning/target/grade.json"));

        for (String lab : List.of("lab01-pubsub", "lab02-partitioning", "lab03-consumer-groups")) {
            Files.createDirectories(root.resolve("labs/" + lab));
            Files.writeString(root.resolve("labs/" + lab + "/pom.xml"), "<project/>");
        }

        String report = CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root));

        assertThat(report).contains("lab01-pubsub", "2 / 5", "lab02-partitioning", "5 / 5", "총점: 7 / 10 점 (70%)");
        assertThat(report).as("grade.json 이 없는 실습은 이름과 함께 '미채점'").contains("lab03-consumer-groups", "미채점");
    }

    @Test
    @DisplayName("해답(-Psolutions) 채점 결과는 학습자 총점에 들어가지 않고 그 실습은 '미채점'으로 보인다")
    void courseTotalIgnoresSolutionRuns() throws Exception {
        Path root = buildDir.resolve("honest");
        for (String lab : List.of("lab01-pubsub", "lab02-partitioning")) {
            Files.createDirectories(root.resolve("labs/" + lab));
            Files.writeString(root.resolve("labs/" + lab + "/pom.xml"), "<project/>");
        }
        LabGrade.of("lab01-pubsub", List.of(new TestGrade("A#a", "가", 10, false)))
                .write(root.resolve("labs/lab01-pubsub/target/grade.json"));
        LabGrade.of("lab02-partitioning", List.of(new TestGrade("B#a", "다", 5, true)), LabGrade.SOLUTIONS)
                .write(root.resolve("labs/lab02-partitioning/target/grade.json"));

        String report = CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root));

        assertThat(report).contains("lab01-pubsub", "0 / 10", "총점: 0 / 10 점 (0%)");
        assertThat(report).contains("lab02-partitioning").doesNotContain("5 / 5").contains("미채점");
        assertThat(CourseReport.render(CourseReport.collect(root, LabGrade.SOLUTIONS), List.of()))
                .as("해답 실행의 총점은 따로 볼 수 있다").contains("5 / 5");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
