package kafkacourse.kit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.room.LearnerAccounts;
import kafkacourse.kit.cluster.LocalKafkaCluster;
import kafkacourse.kit.cluster.SecureClusterConfig;
import kafkacourse.kit.room.RoomGrades;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./course room add-learners N}: N more learner accounts on the room's secure cluster (SCRAM user, prefixed
 * ACLs, own grades topic) and their files. Passwords go into owner-only files only, never to the terminal.
 */
@Command(name = "add-learners", mixinStandardHelpOptions = true,
        description = "보안 워크숍 클러스터에 학습자 계정 N개(learner01..)를 더 만들고, 학습자마다 client.properties 를 씁니다 (강사용).")
final class AddLearnersCommand implements Callable<Integer> {

    @Parameters(paramLabel = "N", description = "추가할 학습자 수 (1~200)")
    int count;

    @Option(names = "--room", description = "학습자 파일을 쓸 디렉터리 (기본: $KAFKA_COURSE_HOME/room)")
    Path room;

    /**
     * The local secure cluster of {@code ./course cluster up --secure}, when no external room cluster is named: taken
     * from its state file without the 5 s probe of a reused cluster (a busy machine may answer later; every Admin
     * call below has its own 30 s limit).
     */
    private static java.util.Optional<KafkaCluster> localSecureCluster() {
        if (System.getenv(kafkacourse.kit.cluster.ExternalKafkaCluster.BOOTSTRAP_ENV) != null) {
            return java.util.Optional.empty();
        }
        return LocalKafkaCluster.existing(kafkacourse.kit.cluster.ClusterHome.interactive())
                .filter(c -> SecureClusterConfig.isSecure(c.home()) && c.runningNodes().size() == c.nodeIds().size())
                .map(KafkaCluster.class::cast);
    }

    @Override
    public Integer call() {
        Path dir = room != null ? room : LearnerAccounts.defaultRoom();
        try (KafkaCluster cluster = localSecureCluster().orElseGet(RoomCommand::roomCluster)) {
            if (cluster instanceof LocalKafkaCluster local && !SecureClusterConfig.isSecure(local.home())) {
                throw new ClusterException("""
                        실행 중인 강좌 클러스터는 보안이 없는 클러스터라 계정과 권한(ACL)을 둘 수 없습니다.
                          해결: 보안 클러스터를 쓰세요: KAFKA_COURSE_HOME=<새 위치> ./course cluster up --secure""");
            }
            long t0 = System.nanoTime();
            List<LearnerAccounts.Learner> added = LearnerAccounts.add(cluster, dir, count, RoomGrades.topic());
            System.out.printf("학습자 %d명을 만들었습니다: %s ~ %s (%.1f초)%n", added.size(), added.get(0).name(),
                    added.get(added.size() - 1).name(), (System.nanoTime() - t0) / 1e9);
            System.out.println("  계정: SCRAM-SHA-512, 비밀번호는 무작위(화면에 보이지 않음, 파일 권한 rw-------)");
            System.out.println("  권한: 자기 이름- 으로 시작하는 토픽·그룹·transactional.id, 자기 점수 토픽 " + RoomGrades.topic() + ".<학습자>");
            System.out.println("  학습자 파일: " + dir + "/<학습자>/client.properties, learner.env  (학습자에게 자기 디렉터리만 나눠 주세요)");
            System.out.println("  학습자 모두: " + LearnerAccounts.existing(dir).size() + "명.  점수판: ./course room show");
        }
        return 0;
    }
}
