package kafkacourse.lab10;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kill the relay or the consumer at one transaction boundary, restart it (new objects), finish, and compare the two DBs
 * and the topic. The boundaries come from a dry run of the learner's own code, so they are wherever that code really
 * commits: the first six, one in the middle and the last.
 */
@KafkaLab
@DisplayName("실습 10 — 4. 어디서 죽어도")
class CrashMatrixTest {

    private static final int ORDERS = 3;

    private final KafkaCluster cluster;
    private final LabTopics topics;

    CrashMatrixTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @Test
    @Tag("task:4")
    @Points(4)
    @DisplayName("중계기가 트랜잭션 경계 어디서 죽고 다시 시작해도: 이벤트 없는 주문 0, 주문 없는 이벤트 0, 두 번 적용 0, 빠짐 0, 주문마다 순서 그대로")
    @Hint("HINTS.ko.md#4 — ack 를 받은 뒤에만 표시하고, 죽어서 다시 보낸 것은 받는 쪽이 이벤트 ID 로 거릅니다. — 노트북 05 '5.5 보충: 원본 예제는 DB 저장과 Kafka 발행을 묶지 못합니다'")
    void relayCrashAnywhere() {
        long start = System.nanoTime();
        Scenario dryWorld = Scenario.create(cluster, topics);
        dryWorld.runCommands(Scenario.commands(ORDERS), CrashPoint.NONE);
        RecordingCrashPoint dry = RecordingCrashPoint.recording();
        dryWorld.drainRelay(dry);
        List<String> trace = dry.trace();
        assertThat(trace).as("중계기가 지나간 DB 트랜잭션 경계 (outbox 를 읽고 표시하려면 트랜잭션이 있어야 합니다)").hasSizeGreaterThanOrEqualTo(6);

        List<String> problems = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        for (int index : sitesOf(trace)) {
            Scenario world = Scenario.create(cluster, topics);
            world.runCommands(Scenario.commands(ORDERS), CrashPoint.NONE);
            RecordingCrashPoint crash = RecordingCrashPoint.crashingAt(index);
            List<String> crashes = world.drainRelay(crash);
            world.drainConsumer(CrashPoint.NONE);
            report("중계기", crash, crashes, world.verdict(true), sites, problems);
        }
        Measurements.report("중계기 장애 지점 %d곳 재현: %.1f초", sites.size(), (System.nanoTime() - start) / 1e9);
        assertThat(sites).as("실제로 죽어 본 중계기 장애 지점").hasSizeGreaterThanOrEqualTo(5);
        assertThat(problems).as("중계기가 죽은 뒤 어긋난 것 (자리마다)").isEmpty();
    }

    @Test
    @Tag("task:4")
    @Points(4)
    @DisplayName("이력 서비스가 트랜잭션 경계 어디서 죽고 다시 시작해도: 두 번 적용 0, 빠짐 0, 주문마다 순서 그대로")
    @Hint("HINTS.ko.md#4 — 중복 기록과 효과는 한 트랜잭션, 오프셋 커밋은 그 뒤. 자동 커밋이나 먼저 커밋한 오프셋은 죽으면 이벤트를 잃습니다. — 노트북 05 '5.5 보충: 원본 예제는 DB 저장과 Kafka 발행을 묶지 못합니다'")
    void consumerCrashAnywhere() {
        long start = System.nanoTime();
        Scenario producerSide = Scenario.create(cluster, topics);
        producerSide.runCommands(Scenario.commands(ORDERS), CrashPoint.NONE);
        producerSide.drainRelay(CrashPoint.NONE);
        RecordingCrashPoint dry = RecordingCrashPoint.recording();
        producerSide.drainConsumer(dry);
        List<String> trace = dry.trace();
        assertThat(trace).as("이력 서비스가 지나간 DB 트랜잭션 경계 (이벤트마다 트랜잭션 하나 이상)").hasSizeGreaterThanOrEqualTo(6);

        List<String> problems = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        for (int index : sitesOf(trace)) {
            Scenario world = producerSide.freshConsumerSide();
            RecordingCrashPoint crash = RecordingCrashPoint.crashingAt(index);
            List<String> crashes = world.drainConsumer(crash);
            report("이력 서비스", crash, crashes, world.verdict(true), sites, problems);
        }
        Measurements.report("이력 서비스 장애 지점 %d곳 재현: %.1f초", sites.size(), (System.nanoTime() - start) / 1e9);
        assertThat(sites).as("실제로 죽어 본 이력 서비스 장애 지점").hasSizeGreaterThanOrEqualTo(5);
        assertThat(problems).as("이력 서비스가 죽은 뒤 어긋난 것 (자리마다)").isEmpty();
    }

    /**
     * Boundaries 1 and 3–6 of the dry run (a whole read–send–mark of the relay, or the first record and a half of the
     * consumer; boundary 2, "before the first commit", changes nothing the first one did not), one in the middle, the last.
     */
    static List<Integer> sitesOf(List<String> trace) {
        TreeSet<Integer> picked = new TreeSet<>();
        for (int i : List.of(0, 2, 3, 4, 5)) {
            if (i < trace.size()) {
                picked.add(i);
            }
        }
        picked.add(trace.size() / 2);
        picked.add(trace.size() - 1);
        return List.copyOf(picked);
    }

    private static void report(String who, RecordingCrashPoint crash, List<String> crashes, Scenario.Verdict verdict, List<String> sites,
                               List<String> problems) {
        String where = crash.crashedAt() == null ? "(그 자리까지 가지 않음)" : crash.crashedAt();
        Observations.reportAs("장애 지점", "%s: %s → 재시작 → %s%s", who, where, verdict.line(), verdict.details());
        if (crash.crashedAt() != null) {
            sites.add(where);
        }
        if (!verdict.consistent()) {
            problems.add(who + " '" + where + "' 에서 죽은 뒤: " + verdict.line() + verdict.details());
        }
    }
}
