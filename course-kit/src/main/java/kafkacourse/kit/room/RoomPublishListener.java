package kafkacourse.kit.room;

import java.nio.file.Files;
import java.nio.file.Path;

import kafkacourse.kit.grading.GradingListener;
import kafkacourse.kit.grading.LabGrade;
import kafkacourse.kit.cluster.ExternalKafkaCluster;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Workshop mode, learner side: when a lab's graded run ends, its {@code target/grade.json} is published to the
 * room's course topic ({@link RoomGrades}). Active only when all hold: the lab build grades
 * ({@code -Dcourse.grading=true}), {@code COURSE_LEARNER} names the learner, {@code KAFKA_BOOTSTRAP_SERVERS} names
 * the room's cluster, and {@code COURSE_ROOM_PUBLISH} is not {@code false}. A publishing problem is a warning,
 * never a failed grade. Registered by ServiceLoader; runs after {@link GradingListener} wrote the file (the launcher
 * session closes after the last test plan).
 */
public final class RoomPublishListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String learner = System.getenv("COURSE_LEARNER");
        if (!Boolean.getBoolean("course.grading") || learner == null || learner.isBlank()
                || System.getenv(ExternalKafkaCluster.BOOTSTRAP_ENV) == null
                || "false".equalsIgnoreCase(System.getenv("COURSE_ROOM_PUBLISH"))) {
            return;
        }
        Path file = Path.of(System.getProperty("course.build.dir", "target"), "grade.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            LabGrade grade = LabGrade.read(file);
            try (ExternalKafkaCluster cluster = ExternalKafkaCluster.fromEnvironment().orElseThrow()) {
                String topic = RoomGrades.publishTopic(cluster, learner);
                RoomGrades.Entry entry = RoomGrades.publish(cluster, topic, learner, grade);
                System.out.printf("[워크숍] %s 의 %s 점수 %d/%d 를 강사 점수판(토픽 %s)에 보냈습니다.%n",
                        entry.learner(), entry.lab(), entry.score(), entry.max(), topic);
            }
        } catch (Exception e) {
            System.err.println("[워크숍] 점수를 강사 점수판에 보내지 못했습니다(채점 결과에는 영향 없음): " + e.getMessage());
        }
    }
}
