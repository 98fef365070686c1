package kafkacourse.kit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How ./course check proves the notebooks' exercises honest, on a small notebook without a kernel; and the repo's overlays. */
@DisplayName("노트북 연습의 정직성 점검 (./course check)")
class NotebookPracticeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, NotebookPractice.Exercise> OVERLAY =
            Map.of("t-1", new NotebookPractice.Exercise("t-1", "var 예측 = 2;", List.of("var 예측 = 3;")));

    @Test
    @DisplayName("확인 셀 바로 뒤에 오답과 답, 그리고 확인 셀의 복사본이 차례로 들어간다 (원래 셀은 그대로)")
    void overlayRunsTheCheckAgainAfterEachPrediction() {
        ObjectNode nb = notebook(markdown("질문"), code("var 예측 = Practice.BLANK;", "t-1"), code("int other = 1;", null),
                code("Practice.check(\"t-1\", 예측, () -> 2, \"힌트\");", null), markdown("다음"));
        ArrayNode cells = NotebookPractice.withOverlay(nb, OVERLAY).withArray("cells");
        assertThat(cells).hasSize(9);
        assertThat(source(cells.get(4))).endsWith("var 예측 = 3;").contains("오답 1");
        assertThat(source(cells.get(5))).isEqualTo(source(cells.get(3)));
        assertThat(source(cells.get(6))).endsWith("var 예측 = 2;");
        assertThat(cells.get(7).path("metadata").path("practice_overlay").path("role").asText()).isEqualTo("ANSWER");
        assertThat(source(cells.get(8))).isEqualTo("다음");
        assertThat(nb.withArray("cells")).as("커밋된 노트북 객체는 바뀌지 않는다").hasSize(5);
    }

    @Test
    @DisplayName("확인 셀이 없는 연습의 답 파일은 실행 전에 거절된다")
    void overlayWithoutCheckCellIsRejected() {
        ObjectNode nb = notebook(code("var 예측 = Practice.BLANK;", "t-1"), code("System.out.println(예측);", null));
        assertThatThrownBy(() -> NotebookPractice.withOverlay(nb, OVERLAY)).hasMessageContaining("t-1");
    }

    @Test
    @DisplayName("실행본의 표시: 빈칸 ✘ · 오답 ✘ · 답 ✔ 이면 통과, 빈칸이 ✔ 이거나 표시가 없으면 실패")
    void verdictsAreReadFromTheOutputs() {
        ObjectNode nb = NotebookPractice.withOverlay(notebook(code("var 예측 = Practice.BLANK;", "t-1"),
                code("Practice.check(\"t-1\", 예측, () -> 2, \"힌트\");", null)), OVERLAY);
        ArrayNode cells = nb.withArray("cells");
        output(cells.get(1), "[연습 t-1] ✘ 아직 예측을 적지 않았습니다\n");
        output(cells.get(3), "[연습 t-1] ✘ 예측 3, 클러스터에서 확인한 값 2.\n");
        output(cells.get(5), "[연습 t-1] ✔ 맞았습니다.\n");
        NotebookPractice.Outcome honest = NotebookPractice.outcome(nb, Optional.of(OVERLAY));
        assertThat(honest.ok()).isTrue();
        assertThat(honest.summary()).contains("빈칸 ✘").contains("오답 ✘").contains("답 ✔");

        ObjectNode vacuous = nb.deepCopy();
        output(vacuous.withArray("cells").get(3), "[연습 t-1] ✔ 맞았습니다.\n");
        assertThat(NotebookPractice.outcome(vacuous, Optional.of(OVERLAY)).failures()).anyMatch(f -> f.contains("오답"));

        ObjectNode skipped = nb.deepCopy();
        output(skipped.withArray("cells").get(5), "[연습 t-1] 건너뜀 RabbitMQ 가 없습니다\n");
        assertThat(NotebookPractice.outcome(skipped, Optional.of(OVERLAY)).ok()).as("건너뜀은 증명이 아니다").isFalse();

        ObjectNode blankOnly = NotebookPractice.withOverlay(notebook(code("var 예측 = Practice.BLANK;", "t-1"),
                code("Practice.check(\"t-1\", 예측, () -> 2, \"힌트\");", null)), Map.of());
        assertThat(NotebookPractice.outcome(blankOnly, Optional.of(OVERLAY)).failures()).as("답 실행이 없는 실행본").isNotEmpty();
    }

    @Test
    @DisplayName("저장소의 모든 장 노트북: 연습 2~3개, 답 파일의 연습이 같고, 답마다 오답이 하나 이상, 확인 셀이 있다")
    void everyChapterNotebookHasHonestExercises() throws IOException {
        Path notebooks = ROOT.resolve("notebooks");
        List<Path> chapters;
        try (Stream<Path> files = Files.list(notebooks)) {
            chapters = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertThat(chapters).as("노트북이 없습니다. course.root(%s)가 저장소 루트인가요?", ROOT).isNotEmpty();
        for (Path chapter : chapters) {
            String name = chapter.getFileName().toString();
            ObjectNode nb = NotebookPractice.read(chapter);
            List<String> ids = NotebookPractice.exerciseIds(nb);
            assertThat(ids).as(name + " 의 연습 수").hasSizeBetween(PracticeReport.MIN_EXERCISES, PracticeReport.MAX_EXERCISES);
            var overlay = NotebookPractice.overlay(notebooks, name);
            assertThat(overlay).as(name + " 의 답 파일").isPresent();
            assertThat(overlay.get().keySet()).as(name + " 의 답 파일 연습").containsExactlyInAnyOrderElementsOf(ids);
            overlay.get().values().forEach(e -> assertThat(e.wrong()).as(name + " 연습 " + e.id() + " 의 오답").isNotEmpty());
            NotebookPractice.withOverlay(nb, overlay.get());
        }
    }

    private static ObjectNode notebook(JsonNode... cells) {
        ObjectNode nb = JSON.createObjectNode();
        nb.set("cells", JSON.createArrayNode().addAll(List.of(cells)));
        return nb;
    }

    private static ObjectNode markdown(String text) {
        ObjectNode c = JSON.createObjectNode().put("cell_type", "markdown");
        c.set("metadata", JSON.createObjectNode());
        c.set("source", JSON.createArrayNode().add(text));
        return c;
    }

    private static ObjectNode code(String text, String practice) {
        ObjectNode c = JSON.createObjectNode().put("cell_type", "code");
        ObjectNode meta = JSON.createObjectNode();
        if (practice != null) {
            meta.put("practice", practice);
        }
        c.set("metadata", meta);
        c.set("outputs", JSON.createArrayNode());
        c.set("source", JSON.createArrayNode().add(text));
        return c;
    }

    private static void output(JsonNode cell, String text) {
        ObjectNode out = JSON.createObjectNode().put("output_type", "stream").put("name", "stdout").put("text", text);
        ((ArrayNode) cell.path("outputs")).removeAll().add(out);
    }

    private static String source(JsonNode cell) {
        JsonNode s = cell.path("source");
        if (s.isArray()) {
            StringBuilder b = new StringBuilder();
            s.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return s.asText();
    }
}
