package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.grading.CourseReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./course} launcher (the POSIX {@code course} and Windows {@code course.cmd} bootstraps only find a java,
 * build the kit when its jar is missing and start {@link Launcher}, which calls this).
 */
@Command(name = "course", mixinStandardHelpOptions = true,
        description = "Kafka 기초 강좌 도구: 클러스터 관리와 채점 결과 보기.",
        subcommands = {ClusterCommand.class, CourseCli.Grade.class, RoomCommand.class, BenchCommand.class, CompareCommand.class})
public final class CourseCli {

    static final String USAGE = """
            Kafka 기초 강좌 도구

            사용법: ./course <명령> [옵션]      (Windows: course.cmd <명령>)

              start [--no-browser]     강좌 시작: 빌드 + 클러스터 시작 + 노트북(Jupyter) 열기 (Jupyter가 없으면 설치)
              setup                    빌드하고 Kafka 브로커 jar와 노트북 커널을 준비합니다
              cluster up [--port N]    3-브로커 클러스터(KRaft)를 시작합니다 (기본 포트 19092~19094)
              cluster down             클러스터를 정상 종료합니다 (데이터는 남습니다)
              cluster status           브로커별 상태와 활성 컨트롤러를 보여 줍니다
              cluster kill N           노드 N을 SIGKILL로 강제 종료합니다 (장애 흉내)
              cluster start N          멈춘 노드 N을 다시 시작합니다
              cluster up --secure      워크숍 보안 클러스터: SASL/SCRAM 인증 + ACL (docs-ko/workshop-security.md)
              cluster reset            클러스터 데이터를 모두 지웁니다 (확인을 묻습니다; --yes)
              grade [labNN]            실습을 채점합니다 (없으면 모든 실습 + 강좌 총점)
              grade labNN --maven      Maven(mvn test)으로 채점합니다 (표준 채점기, 느림; 기본은 Maven 없이 컴파일·실행)
              grade --room             워크숍(강사): 참가자별 최신 점수를 봅니다 (room show|publish 도 있음)
              room add-learners N      워크숍(강사): 보안 클러스터에 학습자 계정 N개와 client.properties 를 만듭니다
              check                    모든 노트북을 화면 없이 실행해 봅니다 (클러스터 필요)
              compare up|down|status  3장 비교용 RabbitMQ·Redis·SQS(ElasticMQ) 서버를 켜고 끕니다
              bench producer           실습 11: 기준선·내 설정·Kafka ProducerPerformance 처리량 비교
              bench course             클러스터 시작·장애 조치·채점 시간을 잽니다 (보여 주기만 합니다)
              help                     이 도움말 (명령마다: ./course <명령> --help)

            예) ./course start            ./course grade lab01            ./course cluster kill 2
            """;

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("help")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        CommandLine cli = new CommandLine(new CourseCli());
        cli.addSubcommand(new SetupCommand());
        cli.addSubcommand(new StartCommand());
        cli.addSubcommand(new GradeCommand());
        cli.addSubcommand(new CheckCommand());
        cli.getSubcommands().get("room").addSubcommand("add-learners", new AddLearnersCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof java.io.UncheckedIOException) {
                line.getErr().println("오류: " + e.getMessage());
                return 1;
            }
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
                return RoomCommand.show(kafkacourse.kit.room.RoomGrades.topic());
            }
            System.out.print(CourseReport.render(CourseReport.collect(root), CourseReport.ungraded(root)));
            return 0;
        }
    }
}
