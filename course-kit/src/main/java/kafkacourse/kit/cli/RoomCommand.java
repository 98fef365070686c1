package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.ExternalKafkaCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.CourseReport;
import kafkacourse.kit.grading.LabGrade;
import kafkacourse.kit.room.RoomGrades;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course room show|publish}: workshop mode. Learners' grading runs publish automatically (see
 * RoomPublishListener); {@code publish} sends the grade.json files already on disk, {@code show} is the
 * instructor's table (also {@code ./course grade --room}).
 */
@Command(name = "room", mixinStandardHelpOptions = true,
        description = "워크숍 모드: 공유 클러스터의 강좌 토픽으로 참가자 점수를 모으고 봅니다.",
        subcommands = {RoomCommand.Show.class, RoomCommand.Publish.class})
final class RoomCommand {

    /** The room's cluster: KAFKA_BOOTSTRAP_SERVERS (+ KAFKA_CLIENT_CONFIG), or the local `./course cluster up` one. */
    static KafkaCluster roomCluster() {
        return CourseCluster.running().orElseThrow(() -> new ClusterException("""
                워크숍 클러스터를 찾을 수 없습니다.
                  워크숍 공유 클러스터: export %s=host1:9092,host2:9092,...  (보안 설정은 %s=client.properties)
                  혼자 연습할 때: ./course cluster up""".formatted(ExternalKafkaCluster.BOOTSTRAP_ENV, ExternalKafkaCluster.CLIENT_CONFIG_ENV)));
    }

    static int show(String topic) {
        try (KafkaCluster cluster = roomCluster()) {
            System.out.print(RoomGrades.render(topic, RoomGrades.latestInRoom(cluster, topic)));
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "참가자별 실습 최신 점수표 (강사용).")
    static final class Show implements Callable<Integer> {
        @Option(names = "--topic", description = "강좌 점수 토픽 (기본: $COURSE_ROOM_TOPIC 또는 course-grades)")
        String topic;

        @Override
        public Integer call() {
            return show(topic != null ? topic : RoomGrades.topic());
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "이미 채점된 실습(labs/*/target/grade.json)의 점수를 강좌 토픽에 보냅니다.")
    static final class Publish implements Callable<Integer> {
        @Option(names = "--root", defaultValue = ".", description = "강좌 루트 디렉터리")
        Path root;

        @Option(names = "--learner", description = "학습자 이름 (기본: $COURSE_LEARNER)")
        String learner;

        @Override
        public Integer call() throws IOException {
            String name = learner != null ? learner : System.getenv("COURSE_LEARNER");
            List<LabGrade> grades = CourseReport.collect(root);
            if (grades.isEmpty()) {
                System.out.println("보낼 점수가 없습니다. 먼저 채점하세요: ./course grade");
                return 0;
            }
            try (KafkaCluster cluster = roomCluster()) {
                for (LabGrade grade : grades) {
                    RoomGrades.Entry e = RoomGrades.publish(cluster, RoomGrades.publishTopic(cluster, name), name, grade);
                    System.out.printf("보냄: %s %s %d/%d%n", e.learner(), e.lab(), e.score(), e.max());
                }
            }
            return 0;
        }
    }
}
