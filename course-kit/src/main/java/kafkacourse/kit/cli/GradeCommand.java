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
 * {@code ./course grade [labNN]}: runs the graded tests through Maven (full output in {@code target/course-grade.log}),
 * prints each lab's score table, or the compile errors of a lab that could not be graded, then the course total.
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
        System.out.println("▶ 채점 중: " + String.join(" ", labs) + " (Maven 전체 출력: " + log + ")");
        List<String> args = new ArrayList<>(List.of("test"));
        if (lab != null) {
            args.addAll(List.of("-pl", "labs/" + labs.get(0), "-am"));
        }
        // A failing grade is not a launcher error: the score tables below tell the story.
        Processes.run(CourseLayout.maven(args.toArray(String[]::new)), root, log, Map.of(), Duration.ofMinutes(60));
        for (String name : labs) {
            Path table = root.resolve("labs").resolve(name).resolve("target/grade.txt");
            if (Files.isRegularFile(table)) {
                System.out.print(Files.readString(table, StandardCharsets.UTF_8));
            } else {
                System.out.println();
                System.out.println("✘ " + name + " 을(를) 채점하지 못했습니다. 코드가 컴파일되지 않았을 수 있습니다:");
                compileErrors(log).forEach(System.out::println);
                System.out.println("  전체 로그: " + log);
            }
        }
        System.out.print(CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root)));
        return 0;
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
