package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import kafkacourse.kit.grading.CourseReport;
import kafkacourse.kit.room.RoomGrades;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./course grade [labNN]}: runs the graded tests (full output in {@code target/course-grade.log}), prints each
 * lab's score table, or the compile errors of a lab that could not be graded, then the course total.
 *
 * <p>One lab: the quick path ({@link FastGrading}: compiled in this JVM, tests through the kit's LabRunner with the
 * classpaths Maven resolved once). Every lab, or with {@code --maven}, or when Maven's classpaths cannot be had:
 * {@code mvn test}, the canonical grader (same grade.json; one cluster for the whole build).
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "실습을 채점합니다(실습을 안 고르면 모든 실습 + 강좌 총점).")
final class GradeCommand implements Callable<Integer> {

    /** Maven's compiler errors: {@code [ERROR] /path/X.java:[12,5] ...} and the symbol/expected/incompatible lines. */
    private static final Pattern COMPILE_ERROR = Pattern.compile("^\\[ERROR\\] .*(\\.java|symbol|expected|incompatible).*");

    @Parameters(arity = "0..1", paramLabel = "labNN", description = "채점할 실습(예: lab01)")
    String lab;

    @Option(names = "--room", description = "워크숍(강사): 참가자별 최신 점수를 봅니다.")
    boolean room;

    @Option(names = "--maven", description = "Maven(mvn test)으로 채점합니다: 표준 채점기, 더 느립니다.")
    boolean maven;

    @Option(names = "--solutions", description = "학습자 코드 대신 모범 답안(solutions/)을 채점합니다 (강사·점검용, 강좌 총점에는 들어가지 않습니다).")
    boolean solutions;

    @Override
    public Integer call() throws IOException {
        if (room) {
            return RoomCommand.show(RoomGrades.topic());
        }
        CourseLayout.warnIfKitStale();
        List<String> labs = lab == null
                ? CourseLayout.labDirs().stream().map(d -> d.getFileName().toString()).toList()
                : List.of(CourseLayout.resolveLab(lab));
        Path root = CourseLayout.root();
        for (String name : labs) {
            Files.deleteIfExists(root.resolve("labs").resolve(name).resolve("target/grade.json"));
            Files.deleteIfExists(root.resolve("labs").resolve(name).resolve("target/grade.txt"));
        }
        Path log = CourseLayout.target().resolve("course-grade.log");
        Files.deleteIfExists(log);
        Map<String, List<String>> notCompiled = new java.util.HashMap<>();
        Map<String, LabClasspath> quick = maven ? Map.of() : quickPath(root, labs, log);
        if (quick.size() == labs.size()) {
            System.out.println("▶ 채점 중: " + String.join(" ", labs) + " (전체 출력: " + log + ")");
            FastGrading grading = new FastGrading(root, log);
            for (String name : labs) {
                FastGrading.Outcome outcome = grading.grade(name, quick.get(name), solutions);
                if (!outcome.graded()) {
                    notCompiled.put(name, outcome.compileErrors());
                }
            }
        } else {
            System.out.println("▶ 채점 중: " + String.join(" ", labs) + " (Maven 전체 출력: " + log + ")");
            List<String> args = new ArrayList<>(List.of("test"));
            if (solutions) {
                args.add("-Psolutions");
                args.add("-DskipKitTests=true"); // -Psolutions would also run the kit's own tests (-am builds the kit)
            }
            if (lab != null) {
                args.addAll(List.of("-pl", "labs/" + labs.get(0), "-am"));
            }
            // A failing grade is not a launcher error: the score tables below tell the story.
            Processes.run(CourseLayout.maven(args.toArray(String[]::new)), root, log, Map.of(), Duration.ofMinutes(60));
        }
        for (String name : labs) {
            Path table = root.resolve("labs").resolve(name).resolve("target/grade.txt");
            if (Files.isRegularFile(table)) {
                System.out.print(Files.readString(table, StandardCharsets.UTF_8));
            } else {
                System.out.println();
                System.out.println("✘ " + name + " 을(를) 채점하지 못했습니다. 코드가 컴파일되지 않았을 수 있습니다:");
                (notCompiled.containsKey(name) ? distinct(notCompiled.get(name)) : compileErrors(log)).forEach(System.out::println);
                System.out.println("  전체 로그: " + log);
            }
        }
        System.out.print(CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root)));
        return 0;
    }

    /**
     * The Maven-resolved classpaths of one lab for the quick path, asked of Maven once when missing or stale; empty
     * when the quick path does not apply: every lab at once is Maven's (one cluster for the whole build).
     */
    private Map<String, LabClasspath> quickPath(Path root, List<String> labs, Path log) {
        if (labs.size() > 1) {
            return Map.of();
        }
        Map<String, LabClasspath> found = new java.util.LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : labs) {
            LabClasspath.cached(root, name).ifPresentOrElse(cp -> found.put(name, cp), () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            System.out.println("▶ 채점 준비: 실습의 의존성 목록을 Maven 에게 한 번 물어 둡니다 (pom 이 바뀌지 않으면 다시 묻지 않습니다) ...");
            found.putAll(LabClasspath.resolve(root, missing, CourseLayout.target().resolve("course-grade-classpath.log")));
            if (found.size() < labs.size()) {
                System.out.println("  (의존성 목록을 얻지 못해 Maven 으로 채점합니다.)");
            }
        }
        return found;
    }

    /** The distinct lines, at most 15. */
    static List<String> distinct(List<String> lines) {
        return lines.stream().distinct().limit(15).toList();
    }

    /** The distinct compiler error lines of a Maven log, at most 15. */
    static List<String> compileErrors(Path log) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()) {
            if (COMPILE_ERROR.matcher(line).matches()) {
                lines.add(line);
            }
            if (lines.size() == 15) {
                break;
            }
        }
        return List.copyOf(lines);
    }
}
