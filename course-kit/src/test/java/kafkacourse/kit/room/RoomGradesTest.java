package kafkacourse.kit.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.grading.LabGrade;
import kafkacourse.kit.grading.TestGrade;
import kafkacourse.kit.cluster.KafkaCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("워크숍 점수판: 강좌 토픽으로 참가자별 최신 점수 모으기")
class RoomGradesTest {

    private static LabGrade grade(String lab, boolean... passed) {
        List<TestGrade> tests = new ArrayList<>();
        for (int i = 0; i < passed.length; i++) {
            tests.add(new TestGrade("T#" + i, "테스트 " + i, 2, passed[i]));
        }
        return LabGrade.of(lab, tests);
    }

    @Test
    @DisplayName("세 학습자가 동시에 보낸 점수가 모두 보이고, 다시 채점하면 최신 점수로 바뀐다")
    void threeLearnersConcurrentlyThenARegrade() throws Exception {
        KafkaCluster cluster = CourseCluster.shared();
        String topic = "course-grades-test-" + System.nanoTime();
        List<String> learners = List.of("kim", "lee", "park");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String learner : learners) {
                sent.add(pool.submit(() -> {
                    RoomGrades.publish(cluster, topic, learner, grade("lab01-pubsub", true, false, true));
                    RoomGrades.publish(cluster, topic, learner, grade("lab02-partitioning", true, true));
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        RoomGrades.publish(cluster, topic, "lee", grade("lab01-pubsub", true, true, true));

        List<RoomGrades.Entry> latest = RoomGrades.latest(cluster, topic);
        assertThat(latest).extracting(e -> e.learner() + " " + e.lab() + " " + e.score() + "/" + e.max())
                .containsExactlyInAnyOrder(
                        "kim lab01-pubsub 4/6", "kim lab02-partitioning 4/4",
                        "lee lab01-pubsub 6/6", "lee lab02-partitioning 4/4",
                        "park lab01-pubsub 4/6", "park lab02-partitioning 4/4");
        assertThat(cluster.admin().describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all().get().values().iterator().next()
                .get("cleanup.policy").value()).as("강좌 토픽은 키별 최신 값만 남기는 compact 토픽").isEqualTo("compact");

        String table = RoomGrades.render(topic, latest);
        assertThat(table).contains("kim", "lee", "park", "lab01", "lab02", "10/10", "8/10", "학습자 3명");
    }

    @Test
    @DisplayName("아무도 보내지 않은 방은 빈 점수판과 안내를 보여 준다")
    void emptyRoom() {
        String topic = "course-grades-empty-" + System.nanoTime();
        assertThat(RoomGrades.latest(CourseCluster.shared(), topic)).isEmpty();
        assertThat(RoomGrades.render(topic, List.of())).contains("아직 점수를 보낸 학습자가 없습니다");
    }
}
