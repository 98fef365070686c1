package kafkacourse.kit.grading;

import static kafkacourse.kit.Columns.clip;
import static kafkacourse.kit.Columns.pad;
import static kafkacourse.kit.Columns.width;

import java.util.List;

/** The Korean score table printed after a lab's tests, aligned for terminals (Hangul is two columns wide). */
final class ScoreTable {

    private static final int NAME_WIDTH = 62;

    private ScoreTable() {
    }

    /** Shown at most under the table, each clipped to one line; all of them, whole, are in grade.json. */
    private static final int MAX_OBSERVATIONS = 40;
    private static final int OBSERVATION_WIDTH = 156;

    static String render(String lab, List<TestOutcome> outcomes, List<String> measurements) {
        return render(lab, outcomes, List.of(), measurements);
    }

    static String render(String lab, List<TestOutcome> outcomes, List<String> observations, List<String> measurements) {
        LabGrade grade = LabGrade.of(lab, outcomes.stream().map(TestOutcome::grade).toList());
        StringBuilder out = new StringBuilder("\n");
        String title = "채점 결과: " + lab;
        out.append("══ ").append(title).append(" ").append("═".repeat(Math.max(4, 76 - width(title)))).append('\n');
        out.append(pad("과제", 6)).append(pad("결과", 8)).append(pad("배점", 7)).append("테스트\n");
        out.append("─".repeat(80)).append('\n');
        for (TestOutcome o : outcomes) {
            TestGrade g = o.grade();
            String mark = (o.status() == TestOutcome.Status.PASSED ? "O " : "X ") + o.status().label;
            String points = (g.passed() ? g.points() : 0) + "/" + g.points();
            out.append(pad(o.task() == 0 ? "-" : Integer.toString(o.task()), 6)).append(pad(mark, 8)).append(pad(points, 7))
                    .append(clip(g.displayName(), NAME_WIDTH)).append('\n');
            if (o.status() != TestOutcome.Status.PASSED) {
                List<String> reason = o.reason().lines().filter(l -> !l.isBlank()).limit(4).toList();
                for (int i = 0; i < reason.size(); i++) {
                    out.append(" ".repeat(21)).append(i == 0 ? "이유: " : "      ").append(reason.get(i).strip()).append('\n');
                }
                if (!o.hint().isBlank() && !o.reason().contains(o.hint())) {
                    out.append(" ".repeat(21)).append("힌트: ").append(o.hint()).append('\n');
                }
            }
        }
        out.append("─".repeat(80)).append('\n');
        out.append(String.format("합계: %d / %d 점 (%d%%)   통과한 테스트 %d / %d%n", grade.score(), grade.max(),
                grade.max() == 0 ? 0 : Math.round(100.0 * grade.score() / grade.max()), grade.passedCount(), grade.tests().size()));
        if (!observations.isEmpty()) {
            out.append("관찰 (테스트가 클러스터에서 본 것 — 채점과 무관):\n");
            observations.stream().limit(MAX_OBSERVATIONS)
                    .forEach(o -> out.append("  · ").append(clip(o.replace('\n', ' '), OBSERVATION_WIDTH)).append('\n'));
            if (observations.size() > MAX_OBSERVATIONS) {
                out.append("  … 외 ").append(observations.size() - MAX_OBSERVATIONS).append("줄 (target/grade.json 의 observations)\n");
            }
        }
        if (!measurements.isEmpty()) {
            out.append("측정값 (이 컴퓨터, 이번 실행 — 채점과 무관):\n");
            measurements.forEach(m -> out.append("  · ").append(m).append('\n'));
        }
        return out.toString();
    }
}
