package kafkacourse.kit.room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kafkacourse.kit.cluster.AdminSupport;
import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.ClusterHome;
import kafkacourse.kit.cluster.KafkaFutures;
import kafkacourse.kit.cluster.SecureClusterConfig;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.cluster.OwnerOnlyFiles;
import kafkacourse.kit.cluster.ScramCredentials;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The learners of a workshop room on a secure cluster: SCRAM users {@code learner01, learner02, ...} with random
 * passwords, the ACLs that confine each to its own names, and one directory per learner with the files to hand out.
 *
 * <p>A learner's names are exactly what the labs and notebooks already use: {@link UniqueNames} puts
 * {@code COURSE_LEARNER + "-"} in front of every topic, group and transactional id, so the ACLs are <b>prefixed</b>
 * on {@code learnerNN-}. The dash matters: {@code learner1-} is not a prefix of {@code learner10-...}.
 *
 * <p>Grades: one compacted topic with {@code <learner>/<lab>} keys cannot be guarded by ACLs (an ACL grants WRITE on a
 * topic, never on a key), so every learner gets its own grades topic {@code course-grades.<learner>}: WRITE, READ and
 * DESCRIBE for that learner only (no DELETE, no ALTER: it is the instructor's record), created by the instructor.
 * The instructor (a super user) reads them all; {@link RoomGrades} trusts a topic's name over a record's key.
 */
public final class LearnerAccounts {

    /** Room directory layout: {@code <room>/learnerNN/client.properties} and {@code learner.env}. */
    public static final String CLIENT_FILE = "client.properties";
    public static final String ENV_FILE = "learner.env";
    private static final Pattern LEARNER = Pattern.compile("learner(\\d{2,3})");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** One learner as created: its name, credentials and handed-out files. */
    public record Learner(String name, ScramCredentials credentials, Path clientConfig, Path envFile) {
    }

    private LearnerAccounts() {
    }

    /** {@code <course home>/room}: where {@code ./course room add-learners} writes the learners' files. */
    public static Path defaultRoom() {
        return ClusterHome.courseHome().resolve("room");
    }

    /** The learner directories already in the room, by name. */
    public static List<String> existing(Path room) {
        if (!Files.isDirectory(room)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(room)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(CLIENT_FILE)))
                    .map(d -> d.getFileName().toString()).filter(n -> LEARNER.matcher(n).matches())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).stream().toList();
        } catch (IOException e) {
            throw new ClusterException("워크숍 디렉터리를 읽을 수 없습니다: " + room, e);
        }
    }

    /** The ACLs of one learner: everything under its prefix, its own grades topic, and a look at the cluster. */
    public static List<AclBinding> aclsFor(String learner, String gradesBase) {
        String prefix = UniqueNames.prefixFor(learner);
        List<AclBinding> acls = new ArrayList<>();
        for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
            acls.add(allow(learner, new ResourcePattern(type, prefix, PatternType.PREFIXED), AclOperation.ALL));
        }
        ResourcePattern grades = new ResourcePattern(ResourceType.TOPIC, gradesTopic(gradesBase, learner), PatternType.LITERAL);
        for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE)) {
            acls.add(allow(learner, grades, op));
        }
        // DESCRIBE on the cluster: the notebooks' cluster and KRaft quorum views work for learners too. It shows the
        // names of groups and ACLs, never another learner's topics, records or group offsets.
        acls.add(allow(learner, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.DESCRIBE));
        return acls;
    }

    /** {@code course-grades.learner07}: a learner's own grades topic. */
    public static String gradesTopic(String gradesBase, String learner) {
        return gradesBase + "." + learner;
    }

    private static AclBinding allow(String learner, ResourcePattern pattern, AclOperation op) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + learner, "*", op, AclPermissionType.ALLOW));
    }

    /**
     * Adds {@code count} learners after those already in {@code room} (learner01.. on a new room): SCRAM users,
     * ACLs, grades topics and files. {@code cluster} must be logged in as a super user (the instructor).
     */
    public static List<Learner> add(KafkaCluster cluster, Path room, int count, String gradesBase) {
        if (count < 1 || count > 200) {
            throw new IllegalArgumentException("추가할 학습자 수는 1~200 이어야 합니다: " + count);
        }
        int first = existing(room).stream().map(LEARNER::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
        int width = first + count - 1 >= 100 ? 3 : 2;
        List<ScramCredentials> users = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            users.add(ScramCredentials.random("learner" + String.format("%0" + width + "d", i)));
        }
        Admin admin = cluster.admin();
        List<UserScramCredentialAlteration> upserts = users.stream()
                .<UserScramCredentialAlteration>map(u -> new UserScramCredentialUpsertion(u.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), u.password()))
                .toList();
        KafkaFutures.get(admin.alterUserScramCredentials(upserts).all(), "학습자 SCRAM 계정 만들기");
        List<AclBinding> acls = users.stream().flatMap(u -> aclsFor(u.user(), gradesBase).stream()).toList();
        KafkaFutures.get(admin.createAcls(acls).all(), "학습자 ACL 만들기");
        for (ScramCredentials u : users) {
            RoomGrades.ensureTopic(cluster, gradesTopic(gradesBase, u.user()));
        }
        List<Learner> learners = new ArrayList<>();
        OwnerOnlyFiles.directory(room);
        for (ScramCredentials u : users) {
            Path dir = OwnerOnlyFiles.directory(room.resolve(u.user()));
            Path client = dir.resolve(CLIENT_FILE);
            OwnerOnlyFiles.write(client, SecureClusterConfig.clientFile(u, "학습자 " + u.user() + " 의 접속 설정. 다른 사람과 나누지 마세요"));
            Path env = dir.resolve(ENV_FILE);
            OwnerOnlyFiles.write(env, """
                    # 워크숍 학습자 %1$s: 터미널에서 `source %2$s` 한 뒤 ./course grade, 노트북, 실습을 그대로 쓰면 됩니다.
                    export COURSE_LEARNER=%1$s
                    export KAFKA_BOOTSTRAP_SERVERS=%3$s
                    export KAFKA_CLIENT_CONFIG=%4$s
                    """.formatted(u.user(), env.toAbsolutePath(), cluster.bootstrapServers(), client.toAbsolutePath()));
            learners.add(new Learner(u.user(), u, client, env));
        }
        awaitUsable(cluster, learners.get(learners.size() - 1), gradesBase);
        return learners;
    }

    /**
     * Users and ACLs reach the brokers through the metadata log, a moment after the controller accepted them: wait
     * until the last new learner can log in and see its grades topic (the log is applied in order, so the others can too).
     */
    private static void awaitUsable(KafkaCluster cluster, Learner last, String gradesBase) {
        Properties p = last.credentials().clientProperties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        AdminSupport.tuneAdmin(p);
        try (Admin admin = Admin.create(p)) {
            Awaitility.await("학습자 " + last.name() + " 가 로그인해 자기 점수 토픽을 볼 수 있기를")
                    .atMost(LIMIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(gradesTopic(gradesBase, last.name()))).allTopicNames()
                            .get(5, TimeUnit.SECONDS).size() == 1);
        } catch (ConditionTimeoutException e) {
            throw new ClusterException("새 학습자 계정이 " + LIMIT.toSeconds() + "초 안에 브로커에 반영되지 않았습니다: " + last.name());
        }
    }
}
