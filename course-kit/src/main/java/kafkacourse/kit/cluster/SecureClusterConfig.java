package kafkacourse.kit.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The security of a secure course cluster ({@code ./course cluster up --secure}): who may connect and what they may
 * do. A cluster home is secure once {@link #enable(Path)} has written its credentials to {@code <home>/security/}
 * (owner-only files); it stays secure across {@code cluster down}/{@code up}.
 *
 * <ul>
 *   <li><b>Client and inter-broker listener</b> {@code BROKER}: SASL_PLAINTEXT with SCRAM-SHA-512 on 127.0.0.1.
 *       Brokers replicate with each other as the user {@code admin}; learners and the instructor log in there too.
 *       SCRAM credentials live in the KRaft metadata log, so {@code admin}'s and {@code instructor}'s are written
 *       into it at format time ({@code kafka-storage format --add-scram}), before any broker starts.</li>
 *   <li><b>Controller listener</b> {@code CONTROLLER}: SASL_PLAINTEXT with <b>PLAIN</b> and a static JAAS user list
 *       (only {@code admin}). Not SCRAM: the controllers must authenticate each other to elect a quorum leader, and
 *       SCRAM credentials become readable only by replaying the metadata log that this very quorum serves; so the
 *       controller listener needs credentials that exist outside the log. PLAIN sends the password in the clear,
 *       which is acceptable here because the listener is bound to 127.0.0.1 only (use SASL_SSL across machines).</li>
 *   <li><b>Authorization</b>: KRaft's {@code StandardAuthorizer} (ACLs stored in the metadata log),
 *       {@code allow.everyone.if.no.acl.found=false} (no ACL, no access), super users {@code admin} and
 *       {@code instructor}. Learners get prefixed ACLs from {@code ./course room add-learners}.</li>
 * </ul>
 * TLS is left out on purpose (loopback only); docs-ko/workshop-security.md shows the SASL_SSL settings for a room
 * cluster that learners reach over the network.
 */
public final class SecureClusterConfig {

    /** The cluster's own identity: inter-broker and controller traffic. */
    public static final String BROKER_USER = "admin";
    /** The human super user who runs the room. */
    public static final String INSTRUCTOR_USER = "instructor";
    public static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private static final String LISTENER = "BROKER";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String USERS_FILE = "cluster-users.properties";
    private static final String INSTRUCTOR_FILE = "instructor.properties";

    private SecureClusterConfig() {
    }

    /** {@code <home>/security}: owner-only directory of the cluster's passwords and client configs. */
    public static Path dir(Path home) {
        return home.resolve("security");
    }

    /** Whether the cluster in {@code home} is (or will be started as) a secure cluster. */
    public static boolean isSecure(Path home) {
        return Files.isRegularFile(dir(home).resolve(USERS_FILE));
    }

    /**
     * Makes {@code home} a secure cluster home: random passwords for {@code admin} and {@code instructor} (kept if
     * they exist) and the instructor's client properties. Refuses a home whose brokers were formatted without
     * security (their metadata log has no SCRAM credentials: brokers could never authenticate to each other).
     */
    public static void enable(Path home) {
        if (isSecure(home)) {
            writeInstructorConfig(home);
            return;
        }
        if (Files.exists(home.resolve("node-1").resolve("data").resolve("meta.properties"))) {
            throw new ClusterException("""
                    이 디렉터리의 클러스터는 보안 없이(PLAINTEXT) 만들어졌습니다: %s
                      보안 클러스터는 저장소를 초기화할 때 SCRAM 자격 증명을 넣어야 해서, 기존 클러스터를 바꿀 수 없습니다.
                      해결: 다른 위치를 쓰세요(예: KAFKA_COURSE_HOME=~/.kafka-course-secure ./course cluster up --secure),
                            또는 이 클러스터를 내리고(./course cluster down) 디렉터리를 지운 뒤 다시 시작하세요.""".formatted(home));
        }
        OwnerOnlyFiles.directory(dir(home));
        ScramCredentials admin = ScramCredentials.random(BROKER_USER);
        ScramCredentials instructor = ScramCredentials.random(INSTRUCTOR_USER);
        OwnerOnlyFiles.write(dir(home).resolve(USERS_FILE), """
                # Passwords of this secure course cluster (written by course-kit; owner-only; never commit or share).
                %s=%s
                %s=%s
                """.formatted(admin.user(), admin.password(), instructor.user(), instructor.password()));
        writeInstructorConfig(home);
    }

    /** The instructor's client properties file: use it as {@code KAFKA_CLIENT_CONFIG} or Kafka tools' {@code --command-config}. */
    public static Path instructorConfig(Path home) {
        return dir(home).resolve(INSTRUCTOR_FILE);
    }

    /** Client settings of the instructor for a secure home; empty for a plaintext one. */
    public static Properties instructorClient(Path home) {
        return isSecure(home) ? user(home, INSTRUCTOR_USER).clientProperties() : new Properties();
    }

    static ScramCredentials user(Path home, String name) {
        Properties users = ScramCredentials.read(dir(home).resolve(USERS_FILE));
        String password = users.getProperty(name);
        if (password == null) {
            throw new ClusterException("보안 클러스터의 사용자 " + name + " 의 비밀번호가 없습니다: " + dir(home).resolve(USERS_FILE));
        }
        return new ScramCredentials(name, password);
    }

    private static void writeInstructorConfig(Path home) {
        OwnerOnlyFiles.write(instructorConfig(home), clientFile(user(home, INSTRUCTOR_USER),
                "강사(슈퍼 유저) 접속 설정. 학습자에게 주지 마세요."));
    }

    /** A client properties file's text: the SASL settings of {@code user}, with a Korean comment line. */
    public static String clientFile(ScramCredentials user, String comment) {
        return user.clientProperties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining("\n", "# " + comment + " (course-kit, 보안 클러스터 " + ScramCredentials.MECHANISM + ")\n", "\n"));
    }

    /** Broker settings of one node of a secure cluster; they replace the plaintext listeners of {@link BrokerConfig}. */
    static Map<String, String> brokerSettings(Path home, NodeSpec node) {
        ScramCredentials admin = user(home, BROKER_USER);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", LISTENER + "://127.0.0.1:" + node.brokerPort() + "," + CONTROLLER + "://127.0.0.1:" + node.controllerPort());
        p.put("advertised.listeners", LISTENER + "://" + node.brokerAddress());
        p.put("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT," + CONTROLLER + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", LISTENER);
        // Clients and replication: SCRAM (credentials in the metadata log, passwords never on the wire).
        p.put("sasl.enabled.mechanisms", ScramCredentials.MECHANISM);
        p.put("listener.name.broker.sasl.enabled.mechanisms", ScramCredentials.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", ScramCredentials.MECHANISM);
        p.put("listener.name.broker.scram-sha-512.sasl.jaas.config", admin.scramJaas());
        // Controllers: PLAIN with a static user list (see the class comment: SCRAM needs the log the quorum serves).
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\" user_%s=\"%s\";"
                        .formatted(admin.user(), admin.password(), admin.user(), admin.password()));
        // Authorization: ACLs in the metadata log; whatever no ACL allows is denied; two super users.
        p.put("authorizer.class.name", AUTHORIZER);
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + BROKER_USER + ";User:" + INSTRUCTOR_USER);
        // A room cluster serves many learners on one busy machine: Kafka's default broker session (9 s) instead of the
        // course cluster's 1.5 s. Measured on 2 overloaded cores: with 1.5 s the controller fenced brokers hundreds of
        // times in a 30-learner run (leaders moved, sends timed out). Fast failover is for the failover labs, which
        // are skipped on a room cluster anyway (external mode: no broker control).
        p.put("broker.session.timeout.ms", "9000");
        p.put("broker.heartbeat.interval.ms", "2000");
        // The same reason for the KRaft quorum: with Kafka's defaults (fetch 2 s, election 1 s) a controller starved of
        // CPU for two seconds loses its leadership. Measured on 2 overloaded cores: the active controller changed 16-25
        // times in one room run, and every change stalled heartbeats, topic creation and acks=all sends. A room has no
        // controller-failover exercise, so it waits 10 s before electing a new controller.
        p.put("controller.quorum.fetch.timeout.ms", "10000");
        p.put("controller.quorum.election.timeout.ms", "5000");
        return p;
    }

    /** {@code kafka-storage format} arguments that write the admin and instructor SCRAM credentials into the metadata log. */
    static List<String> storageFormatArguments(Path home) {
        List<String> args = new ArrayList<>();
        for (String name : List.of(BROKER_USER, INSTRUCTOR_USER)) {
            args.add("--add-scram");
            args.add(user(home, name).storageFormatArgument());
        }
        return args;
    }
}
