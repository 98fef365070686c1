package kafkacourse.kit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import kafkacourse.kit.Columns;

/** The course total: every lab's {@code target/grade.json} side by side (used by {@code mvn test} and {@code ./course grade}). */
public final class CourseReport {

    private CourseReport() {
    }

    public static List<LabGrade> collect(Path courseRoot) throws IOException {
        List<LabGrade> grades = new ArrayList<>();
        for (Path dir : labDirs(courseRoot)) {
            Path file = dir.resolve("target/grade.json");
            if (Files.isRegularFile(file)) {
                grades.add(LabGrade.read(file));
            }
        }
        return grades;
    }

    /** Labs of the course that have no grade.json (not run yet, or they did not compile). */
    public static List<String> ungraded(Path courseRoot) throws IOException {
        return labDirs(courseRoot).stream().filter(dir -> !Files.isRegularFile(dir.resolve("target/grade.json")))
                .map(dir -> dir.getFileName().toString()).toList();
    }

    private static List<Path> labDirs(Path courseRoot) throws IOException {
        Path labs = courseRoot.resolve("labs");
        if (!Files.isDirectory(labs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(labs)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).sorted().toList();
        }
    }

    public static String render(List<LabGrade> grades) {
        return render(grades, List.of());
    }

    /** The total, with the labs that could not be graded named (their points are not in the total). */
    public static String render(List<LabGrade> grades, List<String> ungraded) {
        StringBuilder out = new StringBuilder("\n══ 강좌 전체 점수 ").append("═".repeat(62)).append('\n');
        if (grades.isEmpty()) {
            return out.append("아직 채점된 실습이 없습니다. 실습 채점: ./mvnw test  (한 실습만: ./course grade lab01)\n").toString();
        }
        out.append(Columns.pad("실습", 34)).append(Columns.pad("점수", 12)).append("통과한 테스트\n");
        out.append("─".repeat(80)).append('\n');
        int score = 0;
        int max = 0;
        for (LabGrade g : grades) {
            out.append(Columns.pad(g.lab(), 34)).append(Columns.pad(g.score() + " / " + g.max(), 12))
                    .append(g.passedCount()).append(" / ").append(g.tests().size()).append('\n');
            score += g.score();
            max += g.max();
        }
        for (String lab : ungraded) {
            out.append(Columns.pad(lab, 34)).append("채점 안 됨 — 컴파일 오류가 있거나 아직 실행하지 않았습니다\n");
        }
        out.append("─".repeat(80)).append('\n');
        out.append(String.format("총점: %d / %d 점 (%d%%)%n", score, max, max == 0 ? 0 : Math.round(100.0 * score / max)));
        return out.toString();
    }

    /** {@code java ... CourseReport <courseRoot>}: prints the course total. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        System.out.print(render(collect(root), ungraded(root)));
    }
}
