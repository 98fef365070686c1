package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import kafkacourse.kit.room.LearnerAccounts;
import kafkacourse.kit.grading.LabGrade;
import kafkacourse.kit.room.RoomGrades;
import kafkacourse.kit.grading.TestGrade;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One secure cluster (SASL/SCRAM-SHA-512 + StandardAuthorizer) with a room of 30 learners, for every security test:
 * CPU is tight, so this class starts the only secure cluster of the kit's tests. The room load runs for
 * {@code -Dcourse.room.load.seconds} (default 60).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("보안 워크숍 클러스터: SASL/SCRAM 인증과 ACL, 30명 교실")
class SecureRoomTest {

    private static final int LEARNERS = 30;
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final String GRADES = RoomGrades.DEFAULT_TOPIC;

    private Path home;
    private LocalKafkaCluster cluster;
    private List<LearnerAccounts.Learner> learners;

    @BeforeAll
    void startSecureClusterWithARoom() throws IOException {
        home = ClusterHome.forTests().resolveSibling("kafka-cluster-secure");
        deleteTree(home.resolve("room"));
        SecureClusterConfig.enable(home);
        long t0 = System.nanoTime();
        cluster = LocalKafkaCluster.start(ClusterOptions.forTests().withHome(home).withStartTimeout(Duration.ofSeconds(120)));
        System.out.printf("[측정] 보안 클러스터 시작: %.1f초%n", (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        learners = LearnerAccounts.add(cluster, home.resolve("room"), LEARNERS, GRADES);
        System.out.printf("[측정] 학습자 %d명 계정·ACL·점수 토픽 만들기: %.1f초%n", LEARNERS, (System.nanoTime() - t1) / 1e9);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private LearnerAccounts.Learner learner(int n) {
        return learners.get(n - 1);
    }

    /** Time limits of the test clients: an answer is awaited at most 15 s (60 s in the room load, on 2 busy cores). */
    private Properties clientOf(ScramCredentials user) {
        Properties p = user.clientProperties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, loadPhase ? "30000" : "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, loadPhase ? "60000" : "15000");
        return p;
    }

    private volatile boolean loadPhase;

    private Admin adminOf(LearnerAccounts.Learner l) {
        return Admin.create(clientOf(l.credentials()));
    }

    private KafkaProducer<String, String> producerOf(LearnerAccounts.Learner l) {
        Properties p = clientOf(l.credentials());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, loadPhase ? "60000" : "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, loadPhase ? "120000" : "30000");
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, String> consumerOf(LearnerAccounts.Learner l, String group) {
        Properties p = clientOf(l.credentials());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(p);
    }

    private static String name(LearnerAccounts.Learner owner, String base) {
        return owner.name() + "-" + base + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /** A topic of {@code owner}, created by {@code owner} itself (within its prefix), holding one record. */
    private String topicWithOneRecord(LearnerAccounts.Learner owner) throws Exception {
        String topic = name(owner, "secret");
        try (Admin admin = adminOf(owner)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producerOf(owner)) {
            producer.send(new ProducerRecord<>(topic, "k", owner.name() + " 의 비밀")).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        return topic;
    }

    private static Throwable rootOf(Throwable t) {
        return t instanceof java.util.concurrent.ExecutionException && t.getCause() != null ? t.getCause() : t;
    }

    private static LabGrade grade(int score) {
        return LabGrade.of("lab01-pubsub", List.of(new TestGrade("t1", "테스트", 10, score == 10),
                new TestGrade("t2", "부분 점수", score == 10 ? 0 : score, true)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- isolation

    @Test
    @DisplayName("학습자는 다른 학습자의 토픽을 조회·읽기·쓰기·삭제할 수 없다 (TopicAuthorizationException)")
    void learnerCannotDescribeReadWriteOrDeleteAnothersTopic() throws Exception {
        LearnerAccounts.Learner owner = learner(2);
        LearnerAccounts.Learner intruder = learner(1);
        String topic = topicWithOneRecord(owner);

        try (Admin admin = adminOf(intruder)) {
            Throwable describe = rootOf(catchThrowable(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
            assertThat(describe).as("다른 학습자의 토픽 조회").isInstanceOf(TopicAuthorizationException.class);
            assertThat(SecurityErrors.explain(describe)).as("학습자에게 보이는 한국어 설명").hasValueSatisfying(s -> assertThat(s).contains("[권한 없음]", "TopicAuthorizationException"));
            assertThat(admin.listTopics().names().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("토픽 목록에도 보이지 않아야 합니다")
                    .doesNotContain(topic).allMatch(t -> t.startsWith(intruder.name() + "-") || t.equals(LearnerAccounts.gradesTopic(GRADES, intruder.name())));
            Throwable delete = rootOf(catchThrowable(() -> admin.deleteTopics(List.of(topic)).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
            assertThat(delete).as("다른 학습자의 토픽 삭제").isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = producerOf(intruder)) {
            Throwable write = rootOf(catchThrowable(() -> producer.send(new ProducerRecord<>(topic, "k", "덮어쓰기")).get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
            assertThat(write).as("다른 학습자의 토픽에 쓰기").isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumerOf(intruder, null)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 40; i++) {
                    consumer.poll(Duration.ofMillis(250));
                }
            }).as("다른 학습자의 토픽 읽기").isInstanceOf(TopicAuthorizationException.class);
        }
        try (Admin admin = adminOf(owner)) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("주인의 토픽은 그대로 남아 있어야 합니다").containsKey(topic);
            admin.deleteTopics(List.of(topic)).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("학습자는 다른 학습자의 컨슈머 그룹에 들어갈 수 없다 (GroupAuthorizationException)")
    void learnerCannotJoinAnothersGroup() throws Exception {
        LearnerAccounts.Learner intruder = learner(3);
        String ownTopic = topicWithOneRecord(intruder);
        String othersGroup = name(learner(4), "payment-service");
        try (KafkaConsumer<String, String> consumer = consumerOf(intruder, othersGroup)) {
            consumer.subscribe(List.of(ownTopic));
            Throwable join = catchThrowable(() -> {
                for (int i = 0; i < 60; i++) {
                    consumer.poll(Duration.ofMillis(250));
                }
            });
            assertThat(join).as("다른 학습자 이름의 그룹 %s 에 들어가기", othersGroup).isInstanceOf(GroupAuthorizationException.class);
            assertThat(SecurityErrors.explain(join)).hasValueSatisfying(s -> assertThat(s).contains("[권한 없음]", "그룹"));
        }
        try (KafkaConsumer<String, String> consumer = consumerOf(intruder, name(intruder, "own-group"))) {
            consumer.subscribe(List.of(ownTopic));
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            assertThat(got).as("자기 이름의 그룹으로는 자기 토픽을 읽을 수 있어야 합니다 (대조군)").hasSize(1);
        }
        try (Admin admin = adminOf(intruder)) {
            admin.deleteTopics(List.of(ownTopic)).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("학습자는 자기 프리픽스 밖에는 토픽을 만들 수 없다 (자기 프리픽스 안에는 만들 수 있다)")
    void learnerCannotCreateTopicsOutsideItsPrefix() throws Exception {
        LearnerAccounts.Learner l = learner(5);
        try (Admin admin = adminOf(l)) {
            for (String outside : List.of("shared-orders", learner(6).name() + "-orders", l.name() + "orders-no-dash", GRADES + ".x")) {
                Throwable create = rootOf(catchThrowable(() -> admin.createTopics(List.of(new NewTopic(outside, 1, (short) 3)))
                        .all().get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
                assertThat(create).as("프리픽스 밖의 토픽 %s 만들기", outside).isInstanceOf(TopicAuthorizationException.class);
            }
            String own = name(l, "orders");
            admin.createTopics(List.of(new NewTopic(own, 3, (short) 3))).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            // The metadata a broker answers listTopics with catches up with the controller a moment later: wait, bounded.
            org.awaitility.Awaitility.await("학습자가 만든 토픽 " + own + " 이 토픽 목록에 보이기를").atMost(LIMIT)
                    .pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                            assertThat(admin.listTopics().names().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("자기 프리픽스의 토픽").contains(own));
            admin.deleteTopics(List.of(own)).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("학습자는 다른 학습자의 점수를 덮어쓸 수 없고, 강사는 모든 학습자의 점수를 본다")
    void learnerCannotOverwriteAnothersGradeAndInstructorSeesAll() throws Exception {
        LearnerAccounts.Learner honest = learner(8);
        LearnerAccounts.Learner cheater = learner(7);
        ExternalKafkaCluster.Settings honestSettings = new ExternalKafkaCluster.Settings(cluster.bootstrapServers(), Optional.of(honest.clientConfig()), Optional.empty());
        ExternalKafkaCluster.Settings cheaterSettings = new ExternalKafkaCluster.Settings(cluster.bootstrapServers(), Optional.of(cheater.clientConfig()), Optional.empty());
        try (ExternalKafkaCluster honestCluster = ExternalKafkaCluster.connect(honestSettings);
             ExternalKafkaCluster cheaterCluster = ExternalKafkaCluster.connect(cheaterSettings)) {
            assertThat(RoomGrades.publishTopic(honestCluster, honest.name())).as("학습자의 점수가 가는 토픽").isEqualTo(GRADES + "." + honest.name());
            RoomGrades.publish(honestCluster, RoomGrades.publishTopic(honestCluster, honest.name()), honest.name(), grade(7));
            RoomGrades.publish(cheaterCluster, RoomGrades.publishTopic(cheaterCluster, cheater.name()), cheater.name(), grade(10));

            try (KafkaProducer<String, String> producer = producerOf(cheater)) {
                Throwable overwrite = rootOf(catchThrowable(() -> producer.send(new ProducerRecord<>(GRADES + "." + honest.name(),
                        honest.name() + "/lab01-pubsub", "{\"learner\":\"" + honest.name() + "\",\"score\":0}")).get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
                assertThat(overwrite).as("다른 학습자의 점수 토픽에 쓰기").isInstanceOf(TopicAuthorizationException.class);
                Throwable shared = rootOf(catchThrowable(() -> producer.send(new ProducerRecord<>(GRADES, honest.name() + "/lab01-pubsub", "{}"))
                        .get(LIMIT.toSeconds(), TimeUnit.SECONDS)));
                assertThat(shared).as("공용 점수 토픽 %s 에 쓰기", GRADES).isInstanceOf(TopicAuthorizationException.class);
            }
            // Allowed (its own topic) but worthless: a record there that claims to be someone else's is ignored.
            RoomGrades.publish(cheaterCluster, GRADES + "." + cheater.name(), honest.name(), grade(0));
        }
        List<RoomGrades.Entry> room = RoomGrades.latestInRoom(cluster, GRADES);
        assertThat(room).as("강사가 보는 점수판 (learner07, learner08)").filteredOn(e -> Set.of(honest.name(), cheater.name()).contains(e.learner()))
                .extracting(RoomGrades.Entry::learner, RoomGrades.Entry::score)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(honest.name(), 7), org.assertj.core.api.Assertions.tuple(cheater.name(), 10));
    }

    // ------------------------------------------------------------------------------------------- authentication

    private ClusterException connectFails(Optional<Path> clientConfig) {
        return connectFails(clientConfig, Duration.ofSeconds(20));
    }

    /**
     * A plaintext client on a SASL listener hears nothing back, so it fails when the connection limit runs out
     * (20 s for learners); the Korean explanation is the same with a shorter limit, which this test uses.
     */
    private ClusterException connectFails(Optional<Path> clientConfig, Duration limit) {
        ExternalKafkaCluster.Settings settings = new ExternalKafkaCluster.Settings(cluster.bootstrapServers(), clientConfig, Optional.empty());
        long t0 = System.nanoTime();
        // No hang: the kit's connection check answers within 30 s, in Korean.
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowable(() -> ExternalKafkaCluster.connect(settings, limit).close()));
        System.out.printf("[측정] 접속 실패를 알리기까지 (%s): %.1f초%n", clientConfig.map(p -> p.getFileName().toString()).orElse("보안 설정 없음"), (System.nanoTime() - t0) / 1e9);
        assertThat(thrown).as("잘못된 접속은 ClusterException 으로 알려야 합니다").isInstanceOf(ClusterException.class);
        return (ClusterException) thrown;
    }

    private Path clientFile(String fileName, ScramCredentials user) {
        Path file = home.resolve("room").resolve(fileName);
        OwnerOnlyFiles.write(file, SecureClusterConfig.clientFile(user, "테스트"));
        return file;
    }

    @Test
    @DisplayName("틀린 비밀번호, 없는 사용자, 보안 설정 없는 접속은 30초 안에 한국어 오류로 끝난다")
    void wrongPasswordUnknownUserAndPlaintextFailFastInKorean() {
        ScramCredentials wrong = ScramCredentials.random(learner(9).name());
        assertThat(connectFails(Optional.of(clientFile("wrong-password.properties", wrong))).getMessage())
                .as("틀린 비밀번호").contains("[인증 실패]", "비밀번호");
        assertThat(connectFails(Optional.of(clientFile("unknown-user.properties", ScramCredentials.random("nobody")))).getMessage())
                .as("없는 사용자").contains("[인증 실패]");
        assertThat(connectFails(Optional.empty(), Duration.ofSeconds(4)).getMessage())
                .as("SASL 리스너에 보안 설정 없이(PLAINTEXT) 접속").contains("보안 설정 없이", ExternalKafkaCluster.CLIENT_CONFIG_ENV);
    }

    @Test
    @DisplayName("비밀번호는 주인만 읽을 수 있는 파일에만 있고, 브로커 로그와 초기화 로그에는 없다")
    void passwordsStayInOwnerOnlyFiles() throws IOException {
        Path file = learner(10).clientConfig();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("client.properties 권한").isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("node-1").resolve("server.properties"))))
                    .as("브로커 설정(브로커 자신의 비밀번호가 있음) 권한").isEqualTo("rw-------");
        }
        List<String> secrets = new ArrayList<>(learners.stream().map(l -> l.credentials().password()).toList());
        secrets.add(SecureClusterConfig.user(home, SecureClusterConfig.BROKER_USER).password());
        secrets.add(SecureClusterConfig.user(home, SecureClusterConfig.INSTRUCTOR_USER).password());
        List<Path> logs = new ArrayList<>(List.of(home.resolve("format.log")));
        cluster.nodeIds().forEach(id -> logs.add(cluster.logFile(id)));
        for (Path log : logs) {
            String text = Files.readString(log);
            assertThat(secrets).as("%s 에 비밀번호가 나오면 안 됩니다", log.getFileName()).noneMatch(text::contains);
        }
    }

    // ------------------------------------------------------------------------------------------------- room load

    /** What one simulated learner saw. */
    private record LoadResult(String learner, int acked, int failedSends, int lost, int foreign, List<Long> latenciesMillis,
                              Map<String, Integer> failures) {
        @Override
        public String toString() {
            return learner + "(확인 " + acked + ", 실패 " + failedSends + ", 유실 " + lost + ", 남의 것 " + foreign
                    + (failures.isEmpty() ? "" : ", 실패 원인 " + failures) + ")";
        }
    }

    /**
     * Tagged {@code room-load}: not part of the default kit run (it takes about 3 minutes); CI runs it in its own step.
     * It became green once the room cluster stopped re-electing its KRaft controller during CPU stalls
     * ({@link SecureClusterConfig}) and topic creation tolerated the Admin client's own retries.
     */
    @Test
    @org.junit.jupiter.api.Tag("room-load")
    @DisplayName("30명이 동시에 자기 토픽에 보내고 읽어도 실패한 전송, 잃어버린 레코드, 남의 레코드가 하나도 없다")
    void roomOfThirtyLearnersProducesAndConsumesWithoutLossOrCrossing() throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("course.room.load.seconds", 60));
        loadPhase = true;
        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS, r -> new Thread(r, "room-learner"));
        List<LoadResult> results = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            List<Future<LoadResult>> futures = learners.stream().map(l -> pool.submit(() -> load(l, duration))).toList();
            for (Future<LoadResult> f : futures) {
                results.add(f.get(duration.toSeconds() + 300, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            loadPhase = false;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> latencies = results.stream().flatMap(r -> r.latenciesMillis().stream()).sorted().toList();
        int acked = results.stream().mapToInt(LoadResult::acked).sum();
        System.out.printf("[측정] 교실 부하: 학습자 %d명 × %d초, 확인된 전송 %d건 (%.0f건/초), 실패 %d, 유실 %d, 남의 레코드 %d%n",
                LEARNERS, duration.toSeconds(), acked, acked / seconds,
                results.stream().mapToInt(LoadResult::failedSends).sum(), results.stream().mapToInt(LoadResult::lost).sum(),
                results.stream().mapToInt(LoadResult::foreign).sum());
        if (!latencies.isEmpty()) {
            System.out.printf("[측정] 보내기→받기 지연: p50 %d ms, p99 %d ms, 최대 %d ms (레코드 %d건)%n",
                    latencies.get(latencies.size() / 2), latencies.get((int) Math.min(latencies.size() - 1, Math.floor(latencies.size() * 0.99))),
                    latencies.get(latencies.size() - 1), latencies.size());
        }
        if (!topicReadyWaits.isEmpty()) {
            System.out.printf("[측정] 새 토픽의 파티션마다 첫 전송이 확인되기까지: 최대 %.1f초 (학습자 %d명)%n",
                    topicReadyWaits.stream().mapToDouble(Double::doubleValue).max().orElse(0), topicReadyWaits.size());
        }
        results.stream().filter(r -> r.failedSends() > 0 || r.lost() > 0 || r.foreign() > 0)
                .forEach(r -> System.out.println("[측정] 문제가 있던 학습자: " + r));
        assertThat(results).as("학습자 %d명 모두 결과를 내야 합니다", LEARNERS).hasSize(LEARNERS);
        assertThat(results).as("학습자마다 확인된 전송이 있어야 합니다").allMatch(r -> r.acked() > 0);
        assertThat(results).as("실패한 전송 (학습자별)").allMatch(r -> r.failedSends() == 0);
        assertThat(results).as("확인(ack)됐지만 자기 컨슈머가 받지 못한 레코드 (학습자별)").allMatch(r -> r.lost() == 0);
        assertThat(results).as("자기 토픽에서 받은 남의 레코드 (학습자별)").allMatch(r -> r.foreign() == 0);
    }

    /**
     * One learner for {@code duration}: sends to its own topic at ~10 records/s while its own group consumes it, each
     * in its own thread (as a learner's producer and consumer are separate programs: a send that blocks must not stop
     * the consumer, or the latency would measure the test's loop instead of Kafka).
     */
    private LoadResult load(LearnerAccounts.Learner l, Duration duration) throws Exception {
        String topic = name(l, "room-load");
        try (Admin admin = adminOf(l)) {
            createOwnTopic(admin, new NewTopic(topic, 3, (short) 3));
        }
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        RoomConsumer consumer = new RoomConsumer(l, topic, consumerOf(l, name(l, "room-load-group")));
        java.util.concurrent.CompletableFuture<Void> consuming =
                java.util.concurrent.CompletableFuture.runAsync(consumer, r -> new Thread(r, "room-consumer-" + l.name()).start());
        try (KafkaProducer<String, String> producer = producerOf(l)) {
            topicReadyWaits.add(awaitPartitionsWritable(producer, l, topic));
            long end = System.nanoTime() + duration.toNanos();
            long nextSend = System.nanoTime();
            int seq = 0;
            while (nextSend < end) {
                java.util.concurrent.locks.LockSupport.parkNanos(nextSend - System.nanoTime()); // the send rate, not a wait for a result
                int s = seq++;
                producer.send(new ProducerRecord<>(topic, l.name() + "-" + (s % 7), l.name() + ":" + s), (md, e) -> {
                    if (e == null) {
                        acked.add(s);
                    } else {
                        failed.incrementAndGet();
                        failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                    }
                });
                nextSend += 100_000_000L; // 10 records a second per learner, 300 for the room
            }
            producer.flush();
        } finally {
            consumer.drainUntil(acked); // as long as a send may take (delivery.timeout.ms), then it stops
        }
        consuming.get(180, TimeUnit.SECONDS); // a consumer that failed fails this learner
        try (Admin admin = adminOf(l)) {
            deleteOwnTopic(admin, topic);
        }
        int lost = (int) acked.stream().filter(s -> !consumer.received.contains(s)).count();
        return new LoadResult(l.name(), acked.size(), failed.get(), lost, consumer.foreign.get(), List.copyOf(consumer.latencies), Map.copyOf(failures));
    }

    /** How long each learner waited until every partition of its new topic took a first send (printed, not asserted). */
    private final List<Double> topicReadyWaits = Collections.synchronizedList(new ArrayList<>());

    /**
     * The learner's new topic is ready once each partition's leader has acknowledged one record, sent one at a time.
     * Found in a CI-like run: right after CreateTopics a leader may answer the first batch with NOT_LEADER_OR_FOLLOWER
     * (it has not opened the partition yet) while the idempotent producer's next batches are already in flight; those
     * are appended, and the retried first batch is then refused for good with OutOfOrderSequenceException until its
     * delivery.timeout.ms runs out (3 sends of one learner failed, the broker logged the refusal once a second). One
     * probe per partition, with nothing else in flight, cannot race like that. The probes carry negative sequence
     * numbers, so they never count as the load's sends.
     */
    private static double awaitPartitionsWritable(KafkaProducer<String, String> producer, LearnerAccounts.Learner l, String topic)
            throws Exception {
        long t0 = System.nanoTime();
        int partitions = producer.partitionsFor(topic).size();
        for (int p = 0; p < partitions; p++) {
            try {
                producer.send(new ProducerRecord<>(topic, p, l.name() + "-probe", l.name() + ":" + (-1 - p))).get(180, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("[시간 초과] 180초 동안 새 토픽 " + topic + " 의 파티션 " + p + " 에 첫 전송이 확인되지 않았습니다", e);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A learner's consumer loop in its own thread: polls until told to drain, then until every acknowledged send arrived. */
    private static final class RoomConsumer implements Runnable {
        private final LearnerAccounts.Learner learner;
        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        final Set<Integer> received = ConcurrentHashMap.newKeySet();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger foreign = new AtomicInteger();
        private volatile Set<Integer> drainFor;
        private volatile long drainDeadline;

        RoomConsumer(LearnerAccounts.Learner learner, String topic, KafkaConsumer<String, String> consumer) {
            this.learner = learner;
            this.topic = topic;
            this.consumer = consumer;
        }

        void drainUntil(Set<Integer> acked) {
            drainDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            drainFor = acked;
        }

        @Override
        public void run() {
            try (consumer) {
                consumer.subscribe(List.of(topic));
                while (true) {
                    Set<Integer> target = drainFor;
                    if (target != null && (received.containsAll(target) || System.nanoTime() > drainDeadline)) {
                        return;
                    }
                    foreign.addAndGet(collect(consumer.poll(Duration.ofMillis(100)), learner, topic, received, latencies));
                }
            }
        }
    }

    /**
     * Creates a topic whose name nobody else can have (its random suffix). On a busy cluster the Admin client may time
     * out a CreateTopics request the controller did complete and then retry it: the retry's "already exists" means
     * our own topic is there.
     */
    private static void createOwnTopic(Admin admin, NewTopic topic) throws Exception {
        try {
            admin.createTopics(List.of(topic)).all().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The same for a retried DeleteTopics: "unknown topic" means our own topic is already gone. */
    private static void deleteOwnTopic(Admin admin, String topic) throws Exception {
        try {
            admin.deleteTopics(List.of(topic)).all().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    private static int collect(Iterable<ConsumerRecord<String, String>> records, LearnerAccounts.Learner l, String topic,
                               Set<Integer> received, List<Long> latencies) {
        int foreign = 0;
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> r : records) {
            if (!r.topic().equals(topic) || !r.value().startsWith(l.name() + ":")) {
                foreign++;
                continue;
            }
            int seq = Integer.parseInt(r.value().substring(l.name().length() + 1));
            received.add(seq);
            if (seq >= 0) { // not a readiness probe
                latencies.add(now - r.timestamp());
            }
        }
        return foreign;
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

}
