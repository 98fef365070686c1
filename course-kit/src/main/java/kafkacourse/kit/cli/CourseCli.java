package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.grading.CourseReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Java side of the {@code ./course} launcher (the bash script builds, then calls this). */
@Command(name = "course", mixinStandardHelpOptions = true,
        description = "Kafka 기초 강좌 도구: 클러스터 관리와 채점 결과 보기.",
        subcommands = {ClusterCommand.class, CourseCli.Grade.class, RoomCommand.class, CompareCommand.class})
public final class CourseCli {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CourseCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ClusterException || e instanceof IllegalArgumentException) {
                line.getErr().println("오류: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Command(name = "grade-report", mixinStandardHelpOptions = true, description = "모든 실습의 grade.json 을 모아 총점을 보여 줍니다.")
    static final class Grade implements Callable<Integer> {
        @CommandLine.Option(names = "--root", defaultValue = ".", description = "강좌 루트 디렉터리")
        Path root;

        @CommandLine.Option(names = "--room", description = "워크숍: 공유 클러스터의 강좌 토픽에서 참가자별 최신 점수를 봅니다.")
        boolean room;

        @Override
        public Integer call() throws IOException {
            if (room) {
                return RoomCommand.show(kafkacourse.kit.grading.RoomGrades.topic());
            }
            System.out.print(CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root)));
            return 0;
        }
    }
}
