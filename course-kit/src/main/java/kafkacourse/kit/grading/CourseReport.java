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

    /** The learner's grades only: a {@code -Psolutions} run's grade.json never counts as the learner's work. */
    public static List<LabGrade> collect(Path courseRoot) throws IOException {
        return collect(courseRoot, LabGrade.LEARNER);
    }

    /** The grades of one kind of run ({@link LabGrade#LEARNER} or {@link LabGrade#SOLUTIONS}). */
    public static List<LabGrade> collect(Path courseRoot, String sources) throws IOException {
        List<LabGrade> grades = new ArrayList<>();
        for (Path dir : labDirs(courseRoot)) {
            read(dir).filter(g -> sources.equals(g.sources())).ifPresent(grades::add);
        }
        return grades;
    }

    /** Labs without a learner grade (not run yet, did not compile, or only graded from the solutions). */
    public static List<String> ungraded(Path courseRoot) throws IOException {
        return ungraded(courseRoot, LabGrade.LEARNER);
    }

    public static List<String> ungraded(Path courseRoot, String sources) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path dir : labDirs(courseRoot)) {
            if (read(dir).filter(g -> sources.equals(g.sources())).isEmpty()) {
                names.add(dir.getFileName().toString());
            }
        }
        return names;
    }

    private static java.util.Optional<LabGrade> read(Path labDir) throws IOException {
        Path file = labDir.resolve("target/grade.json");
        return Files.isRegularFile(file) ? java.util.Optional.of(LabGrade.read(file)) : java.util.Optional.empty();
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
        return render(grades, ungraded, LabGrade.LEARNER);
    }

    private static String render(List<LabGrade> grades, List<String> ungraded, String sources) {
        boolean solutions = LabGrade.SOLUTIONS.equals(sources);
        String title = solutions ? "══ 해답(solutions/) 채점 결과 — 학습자 총점이 아닙니다 " : "══ 강좌 전체 점수 ";
        StringBuilder out = new StringBuilder("\n").append(title).append("═".repeat(Math.max(4, 80 - Columns.width(title))))
                .append('\n');
        if (grades.isEmpty()) {
            out.append("아직 채점된 실습이 없습니다. 실습 채점: ./course grade  (한 실습만: ./course grade lab01)\n");
            if (!ungraded.isEmpty()) {
                out.append("미채점: ").append(String.join(" ", ungraded)).append('\n');
            }
            return out.toString();
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
            out.append(Columns.pad(lab, 34)).append(Columns.pad("미채점", 12))
                    .append("아직 채점하지 않았거나 컴파일되지 않습니다 (./course grade ").append(lab.replaceAll("-.*", "")).append(")\n");
        }
        out.append("─".repeat(80)).append('\n');
        out.append(String.format("총점: %d / %d 점 (%d%%)%n", score, max, max == 0 ? 0 : Math.round(100.0 * score / max)));
        return out.toString();
    }

    /**
     * {@code java ... CourseReport <courseRoot> [learner|solutions]}: prints the course total of the learner's runs, or
     * (after {@code -Psolutions}) the solutions run's own table, never the two mixed.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        String sources = args.length > 1 && !args[1].isBlank() ? args[1].strip() : LabGrade.LEARNER;
        System.out.print(render(collect(root, sources), ungraded(root, sources), sources));
    }
}
