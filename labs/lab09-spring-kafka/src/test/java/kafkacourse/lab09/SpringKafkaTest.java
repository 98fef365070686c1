package kafkacourse.lab09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafkacourse.kit.Clients;
import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.display.GroupView;
import kafkacourse.kit.display.HtmlTable;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.grading.Measurements;
import kafkacourse.kit.grading.Observations;
import kafkacourse.kit.grading.Points;
import kafkacourse.kit.junit.KafkaLab;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.lab.LearnerSteps;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.DeserializationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@KafkaLab
@DisplayName("실습 09 — Spring for Apache Kafka")
class SpringKafkaTest {

    /** Every wait of this lab: long enough for a group to form on a busy 2-core machine, short enough to never hang. */
    private static final Duration LIMIT = KafkaCluster.CLUSTER_CHANGE;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaCluster cluster;
    private final LabTopics topics;
    private String orders;
    private String dlt;
    private String group;
    private RunningApp app;

    SpringKafkaTest(KafkaCluster cluster, LabTopics topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @BeforeEach
    void createTopics() {
        orders = topics.create("orders", 3);
        dlt = orders + "-dlt"; // spring-kafka 4.x default (3.x: ".DLT")
        group = UniqueNames.of("payment-service");
        ConsumerConfigSpy.CONFIGS.clear();
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @AfterAll
    static void reportStartup() {
        RunningApp.reportStartup();
    }

    // ------------------------------------------------------------------------------------------------ task 1

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("실행 중인 앱의 ConsumerFactory·ProducerFactory 가 JSON 직렬화, ErrorHandlingDeserializer, earliest 를 쓴다")
    @Hint("HINTS.ko.md#1 — spring.kafka.producer.value-serializer, spring.kafka.consumer.value-deserializer, spring.kafka.consumer.auto-offset-reset — 노트북 05 '5.1 다시 보기 — 원본의 Spring 코드는 선 위에서 무엇을 하나'")
    void runningApplicationUsesTheSettings() {
        app = RunningApp.start(cluster, orders, group);
        Map<String, Object> consumer = app.consumerFactoryConfig();
        Map<String, Object> producer = app.producerFactoryConfig();
        Observations.reportAs("설정 확인", "ConsumerFactory: %s", new TreeMap<>(consumer));
        Observations.reportAs("설정 확인", "ProducerFactory: %s", new TreeMap<>(producer));
        assertThat(className(producer.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)))
                .as("프로듀서 value.serializer: OrderEvent 를 JSON 으로 쓰려면 spring-kafka 의 JacksonJsonSerializer (spring.kafka.producer.value-serializer)")
                .isEqualTo("org.springframework.kafka.support.serializer.JacksonJsonSerializer");
        assertThat(className(consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)))
                .as("컨슈머 value.deserializer: 풀 수 없는 값이 poll() 을 터뜨리지 않도록 ErrorHandlingDeserializer (spring.kafka.consumer.value-deserializer)")
                .isEqualTo("org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        assertThat(className(consumer.get("spring.deserializer.value.delegate.class")))
                .as("ErrorHandlingDeserializer 가 위임할 역직렬화기 (spring.kafka.consumer.properties.spring.deserializer.value.delegate.class)")
                .isEqualTo("org.springframework.kafka.support.serializer.JacksonJsonDeserializer");
        assertThat(consumer.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))
                .as("컨슈머 auto.offset.reset: 설정하지 않으면 kafka-clients 기본값 latest 라서 앱이 뜨기 전의 주문을 건너뜁니다")
                .hasToString("earliest");
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("브로커 주소가 틀리면 앱은 계속 재접속하며 떠 있지 않고, 한국어 이유와 함께 곧 멈춘다")
    @Hint("HINTS.ko.md#1 — 과제 1이 끝나야 앱이 시작 전 점검(BrokerPreflight)까지 갑니다. — 노트북 05 '5.1 다시 보기 — 원본의 Spring 코드는 선 위에서 무엇을 하나'")
    void wrongBootstrapAddressStopsTheStartInKorean() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free now, closed after this block: nobody listens there
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> {
            // Nobody listens there: the preflight waits out its whole limit, 10 s for learners, 2 s here.
            app = RunningApp.start("127.0.0.1:" + closedPort, List.of("--lab09.preflight-timeout=2s"), orders, group);
        }).as("틀린 주소(127.0.0.1:%d)로 시작하면 한국어 이유와 함께 실패해야 합니다", closedPort)
                .hasMessageContaining("Kafka 브로커에 연결할 수 없습니다").hasMessageContaining("127.0.0.1:" + closedPort);
        Measurements.report("틀린 브로커 주소 → 시작 실패까지 %.1f초", (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ task 2

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("publishOrderCreated 는 key = 주문 ID, value = OrderEvent JSON 으로 쓰고, 브로커가 기록한 위치를 돌려준다")
    @Hint("HINTS.ko.md#2 — kafkaTemplate.send(topic, key, event).get(...) 의 결과를 돌려주세요. key 는 주문 ID. — 노트북 05 'KafkaTemplate 이 토픽에 쓴 것'")
    void publishedEventIsJsonKeyedByOrderId() throws Exception {
        app = RunningApp.start(cluster, orders, group);
        OrderEventProducer producer = app.producer();
        Map<String, SendResult<String, OrderEvent>> results = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            Order order = new Order("order-" + i, "customer-7", 1000L * i); // one customer, six orders
            results.put(order.id(), producer.publishOrderCreated(order));
        }
        Map<String, ConsumerRecord<String, String>> written = TopicReader.readAll(cluster, orders).stream()
                .collect(Collectors.toMap(r -> r.partition() + "@" + r.offset(), r -> r));
        Observations.reportAs("토픽에서 읽음", "%s", written.values().stream().map(r -> "p" + r.partition() + "@" + r.offset() + " " + r.key() + "=" + r.value()).toList());
        assertThat(written).as("토픽에 쓰인 레코드 수: 주문 6건이 한 번씩").hasSize(6);
        for (var e : results.entrySet()) {
            assertThat(e.getValue()).as("publishOrderCreated(%s) 의 결과: null 이면 보낸 결과를 기다리지 않은 것입니다", e.getKey()).isNotNull();
            RecordMetadata m = e.getValue().getRecordMetadata();
            ConsumerRecord<String, String> r = written.get(m.partition() + "@" + m.offset());
            assertThat(r).as("돌려준 위치(파티션 %d, 오프셋 %d)에 레코드가 있어야 합니다", m.partition(), m.offset()).isNotNull();
            assertThat(r.key()).as("레코드의 key: 주문 ID 여야 같은 주문의 이벤트가 한 파티션에 모입니다 (고객 ID나 null 이 아니라)").isEqualTo(e.getKey());
            JsonNode json = JSON.readTree(r.value());
            assertThat(json.path("orderId").asString()).as("value 의 JSON orderId: %s", r.value()).isEqualTo(e.getKey());
            assertThat(json.path("eventType").asString()).as("value 의 JSON eventType: %s", r.value()).isEqualTo(OrderEvent.ORDER_CREATED);
            assertThat(json.path("customerId").asString()).as("value 의 JSON customerId: %s", r.value()).isEqualTo("customer-7");
        }
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("브로커가 이벤트를 받지 못하면(토픽 없음) publishOrderCreated 는 삼키지 않고 OrderPublishException 을 던진다")
    @Hint("HINTS.ko.md#2 — send 의 결과를 기다려야 실패를 압니다. ExecutionException 은 new OrderPublishException(order.id(), 원인) 으로. — 노트북 05 'KafkaTemplate 이 토픽에 쓴 것'")
    void publishFailureReachesTheCaller() {
        // Never created: the broker cannot take it. send() waits out max.block.ms for the topic's metadata; the
        // outcome is the same after 1 s as after the app's 5 s.
        app = RunningApp.start(cluster, List.of("--spring.kafka.producer.properties.max.block.ms=1000"), UniqueNames.of("no-such-topic"), group);
        Order order = new Order("order-lost", "customer-1", 5000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> app.producer().publishOrderCreated(order))
                .as("없는 토픽에 보낸 주문: 호출한 쪽이 실패를 알아야 합니다(삼키거나 기다리지 않으면 주문이 조용히 사라짐)")
                .isInstanceOf(OrderPublishException.class);
        Measurements.report("없는 토픽으로 보내기 → 실패를 알기까지 %.1f초 (max.block.ms=1000)", (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ task 3

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("concurrency = 3: 그룹에 컨슈머 3명이 파티션을 하나씩 맡는다 (Admin describeConsumerGroups)")
    @Hint("HINTS.ko.md#3 — @KafkaListener(topics = \"${lab09.topics.orders}\", groupId = \"${lab09.group-id}\", concurrency = \"3\") — 노트북 05 '@KafkaListener(concurrency = 3) 가 만든 컨슈머 그룹'")
    void threeListenerThreadsShareTheGroup() {
        app = RunningApp.start(cluster, orders, group);
        app.listenerContainer();
        ConsumerGroupDescription[] seen = new ConsumerGroupDescription[1];
        LearnerSteps.waitFor("그룹 " + group + " 에 멤버 3명이 파티션을 하나씩 받기", LIMIT, () -> {
            app.failFastOnTodo();
            seen[0] = cluster.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
            return seen[0].members().size() == 3 && seen[0].members().stream().allMatch(m -> m.assignment().topicPartitions().size() == 1);
        }); // else the assertion below says what the group looked like
        Map<String, List<Integer>> assignment = seen[0] == null ? Map.of() : seen[0].members().stream().collect(Collectors.toMap(
                MemberDescription::clientId, m -> m.assignment().topicPartitions().stream().map(tp -> tp.partition()).sorted().toList(), (a, b) -> a, TreeMap::new));
        Observations.reportAs("그룹 " + group, "멤버 → 파티션: %s", assignment);
        assertThat(assignment).as("그룹의 멤버(client.id → 파티션). concurrency 가 1이면 한 명이 3개를 다 맡습니다").hasSize(3);
        assertThat(assignment.values()).as("멤버마다 파티션 하나씩").allMatch(p -> p.size() == 1);
        assertThat(app.listenerContainer().getGroupId()).as("리스너의 groupId: \"${lab09.group-id}\" 자리표시자로 앱 설정의 그룹 이름을 써야 합니다").isEqualTo(group);
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("앱이 뜨기 전과 뜬 뒤의 주문 이벤트가 모두 한 번씩, 주문마다 순서대로 처리되고 lag 가 0이 된다")
    @Hint("HINTS.ko.md#3 — 리스너는 paymentService.process(event) 를 그 스레드에서 바로 부르세요. 앞 주문을 놓치면 auto-offset-reset 을 보세요(과제 1). — 노트북 05 '@KafkaListener(concurrency = 3) 가 만든 컨슈머 그룹'")
    void ordersBeforeAndAfterStartAreProcessedOnceInKeyOrder() {
        int ordersCount = 12;
        int steps = 4;
        produceSteps(1, ordersCount / 2, steps);                       // before the application starts
        app = RunningApp.start(cluster, orders, group);
        app.listenerContainer();
        produceSteps(ordersCount / 2 + 1, ordersCount, steps);          // while it runs
        int expected = ordersCount * steps;
        PaymentService payments = app.payments();
        awaitQuietly("결제 " + expected + "건 처리와 lag 0", () -> payments.payments().size() >= expected && lag() == 0);

        List<PaymentService.Payment> done = payments.payments();
        Map<String, List<Integer>> seqByOrder = done.stream().collect(Collectors.groupingBy(p -> p.event().orderId(), TreeMap::new,
                Collectors.mapping(p -> p.event().seq(), Collectors.toList())));
        long threads = done.stream().map(PaymentService.Payment::thread).distinct().count();
        Observations.reportAs("처리 결과", "결제 %d건, 리스너 스레드 %d개, 주문별 순번: %s", done.size(), threads, seqByOrder);
        assertThat(seqByOrder.keySet()).as("결제된 주문: 앞의 6건은 앱이 뜨기 전에 쓰였습니다(빠졌다면 auto-offset-reset=latest)")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, ordersCount).mapToObj(SpringKafkaTest::orderId).sorted().toList());
        List<Integer> inOrder = IntStream.rangeClosed(1, steps).boxed().toList();
        assertThat(seqByOrder).as("주문마다 처리된 순번: 모두 [1, 2, 3, 4] 여야 합니다 (중복 = 두 번 처리, 뒤섞임 = 순서 깨짐)")
                .allSatisfy((order, seqs) -> assertThat(seqs).as(order).isEqualTo(inOrder));
        assertThat(lag()).as("그룹의 총 lag (처리 후 커밋되었으면 0)").isZero();
    }

    @Test
    @Tag("task:3")
    @Points(1)
    @DisplayName("리스너 컨테이너의 실제 설정: 자동 커밋 꺼짐, AckMode.BATCH, earliest (README 의 표)")
    @Hint("HINTS.ko.md#3 — 리스너 쪽에서 자동 커밋이나 다른 오프셋 설정을 덧씌우지 마세요. — 노트북 05 '@KafkaListener(concurrency = 3) 가 만든 컨슈머 그룹'")
    void listenerContainerUsesSpringDefaults() {
        app = RunningApp.start(cluster, orders, group);
        MessageListenerContainer container = app.listenerContainer();
        awaitQuietly("리스너 컨슈머 3개가 만들어지기", () -> {
            app.failFastOnTodo();
            return RunningApp.effectiveConsumerConfigs().size() >= 3;
        });
        Map<String, Map<String, Object>> effective = RunningApp.effectiveConsumerConfigs();
        ContainerProperties props = container.getContainerProperties();
        HtmlTable table = HtmlTable.of("설정", "실행 중인 앱에서 읽은 값");
        Map<String, Object> one = effective.values().stream().findFirst().orElse(Map.of());
        table.row("enable.auto.commit (컨슈머에 실제로 들어간 값)", one.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        table.row("auto.offset.reset", one.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        table.row("group.id", one.get(ConsumerConfig.GROUP_ID_CONFIG));
        table.row("max.poll.records", String.valueOf(one.getOrDefault(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "(기본 500)")));
        table.row("AckMode (ContainerProperties)", props.getAckMode());
        table.row("concurrency", container instanceof org.springframework.kafka.listener.ConcurrentMessageListenerContainer<?, ?> c ? c.getConcurrency() : 1);
        table.row("client.id", effective.keySet());
        System.out.println("[설정 표 — 실행 중인 앱]\n" + table);
        assertThat(effective).as("리스너가 만든 컨슈머 수 (concurrency 3)").hasSize(3);
        assertThat(effective.values()).as("컨슈머마다 enable.auto.commit: 설정하지 않으면 Spring 컨테이너가 false 로 넣습니다 (kafka-clients 기본값은 true)")
                .allSatisfy(c -> assertThat(String.valueOf(c.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))).isEqualTo("false"));
        assertThat(effective.values()).as("컨슈머마다 auto.offset.reset")
                .allSatisfy(c -> assertThat(String.valueOf(c.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))).isEqualTo("earliest"));
        assertThat(props.getAckMode()).as("AckMode: Spring 의 기본값 BATCH = poll 한 묶음을 리스너가 다 처리한 뒤 커밋").isEqualTo(ContainerProperties.AckMode.BATCH);
    }

    // ------------------------------------------------------------------------------------------------ task 4

    @Test
    @Tag("task:4")
    @Points(3)
    @DisplayName("JSON 이 아닌 레코드와 금액 0 이하 주문은 <토픽>-dlt 로 간다: 원래 값, 원래 토픽·파티션·오프셋, 예외 헤더와 함께")
    @Hint("HINTS.ko.md#4 — DefaultErrorHandler(new DeadLetterPublishingRecoverer(템플릿 맵), new FixedBackOff(...)) 를 @Bean 으로. — 노트북 05 '독이 든 레코드: 재시도 → <토픽>-dlt'")
    void poisonRecordsEndInTheDltWithTheirOrigin() throws Exception {
        createDlt();
        app = RunningApp.start(cluster, orders, group);
        app.listenerContainer();
        app.requireErrorHandler();
        RecordMetadata unparseable;
        RecordMetadata rejected;
        try (KafkaProducer<String, String> p = producer()) {
            p.send(new ProducerRecord<>(orders, "order-a", json("order-a", 1, 1000))).get(10, TimeUnit.SECONDS);
            unparseable = p.send(new ProducerRecord<>(orders, "order-a", "{주문 아님")).get(10, TimeUnit.SECONDS);
            rejected = p.send(new ProducerRecord<>(orders, "order-a", json("order-a", 2, -500))).get(10, TimeUnit.SECONDS);
            p.send(new ProducerRecord<>(orders, "order-a", json("order-a", 3, 1000))).get(10, TimeUnit.SECONDS);
        }
        awaitQuietly("DLT 에 2건, lag 0", () -> {
            app.failFastOnTodo();
            return lag() == 0 && TopicReader.readAll(cluster, dlt).size() >= 2;
        });
        List<ConsumerRecord<String, String>> dead = TopicReader.readAll(cluster, dlt);
        Observations.reportAs("DLT", "%s", dead.stream().map(r -> r.key() + "=" + r.value() + " " + headers(r)).toList());
        assertThat(dead).as("DLT 의 레코드: 나쁜 레코드 2건만 (재시도 한 번마다 DLT 로 가면 더 많음, 복구기가 없으면 0)").hasSize(2);
        ConsumerRecord<String, String> bad = dead.stream().filter(r -> r.value() != null && r.value().startsWith("{주문")).findFirst().orElse(null);
        assertThat(bad).as("JSON 이 아닌 레코드는 원래 바이트 그대로 DLT 에 ('{주문 아님'). 다른 값이면 byte[] 용 템플릿이 없는 것입니다: %s",
                dead.stream().map(ConsumerRecord::value).toList()).isNotNull();
        assertOrigin(bad, unparseable);
        assertThat(headerString(bad, KafkaHeaders.DLT_EXCEPTION_FQCN)).as("예외 헤더 " + KafkaHeaders.DLT_EXCEPTION_FQCN)
                .isEqualTo(DeserializationException.class.getName());
        ConsumerRecord<String, String> business = dead.stream().filter(r -> r != bad).findFirst().orElseThrow();
        assertThat(JSON.readTree(business.value()).path("amount").asLong()).as("금액 -500 인 주문이 JSON 그대로 DLT 에: %s", business.value()).isEqualTo(-500);
        assertOrigin(business, rejected);
        assertThat(headerString(business, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) + " " + headerString(business, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .as("예외 헤더: 업무 규칙 위반의 원인 예외").contains(PaymentRejectedException.class.getName());
        assertThat(headerString(business, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).as("예외 메시지 헤더").contains("금액이 0 이하");
    }

    @Test
    @Tag("task:4")
    @Points(3)
    @DisplayName("독이 든 레코드 뒤의 파티션이 계속 흐른다: 좋은 주문은 모두 정확히 한 번, 업무 규칙 위반은 재시도 없이 한 번, lag 0")
    @Hint("HINTS.ko.md#4 — 재시도는 유한하게(FixedBackOff 2번), PaymentRejectedException 은 addNotRetryableExceptions 로. — 노트북 05 '독이 든 레코드: 재시도 → <토픽>-dlt'")
    void partitionKeepsMovingAndGoodRecordsAreProcessedOnce() throws Exception {
        createDlt();
        app = RunningApp.start(cluster, orders, group);
        app.listenerContainer();
        app.requireErrorHandler();
        int orderCount = 4; // small on purpose: every poison record costs a seek, a re-poll and a DLT write
        int good = 0;
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 1; i <= orderCount; i++) {
                String id = orderId(i);
                p.send(new ProducerRecord<>(orders, id, json(id, 1, 1000L * i)));
                p.send(new ProducerRecord<>(orders, id, i % 2 == 0 ? "not json at all" : json(id, 2, -1)));   // poison in the middle of the key
                p.send(new ProducerRecord<>(orders, id, json(id, 3, 1000L * i)));
                good += 2;
            }
            p.flush();
        }
        int expectedGood = good;
        PaymentService payments = app.payments();
        awaitQuietly("좋은 결제 " + expectedGood + "건과 lag 0", () -> {
            app.failFastOnTodo();
            return payments.payments().size() >= expectedGood && lag() == 0;
        });
        List<String> done = payments.payments().stream().map(pm -> pm.event().orderId() + "#" + pm.event().seq()).toList();
        Observations.reportAs("처리 결과", "결제 %d건, lag %d, 위반 주문 시도 횟수 %s", done.size(), lag(),
                IntStream.rangeClosed(1, orderCount).filter(i -> i % 2 == 1).mapToObj(i -> orderId(i) + "=" + payments.attempts(orderId(i), 2)).toList());
        assertThat(lag()).as("그룹의 총 lag: 0 이 아니면 독이 든 레코드 뒤에서 파티션이 멈춘 것입니다 (복구기 없음 또는 끝없는 재시도)").isZero();
        assertThat(done).as("결제된 이벤트(주문#순번): 좋은 이벤트 %d건이 정확히 한 번씩", expectedGood).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, orderCount).boxed()
                        .flatMap(i -> java.util.stream.Stream.of(orderId(i) + "#1", orderId(i) + "#3")).toList());
        for (int i = 1; i <= orderCount; i += 2) {
            assertThat(payments.attempts(orderId(i), 2)).as("금액 -1 인 %s 의 처리 시도 횟수: 업무 규칙 위반은 다시 해도 같으니 1번 (재시도하면 3번)", orderId(i))
                    .isEqualTo(1);
        }
    }

    @Test
    @Tag("task:4")
    @Points(2)
    @DisplayName("모든 레코드에서 던지는 리스너(결제 대행사 장애): 각 레코드를 몇 번 재시도한 뒤 전부 DLT 로, 잃는 것 없이 lag 0")
    @Hint("HINTS.ko.md#4 — FixedBackOff(RETRY_INTERVAL_MS, RETRIES): 유한한 재시도 뒤 DLT. UNLIMITED 면 첫 레코드에서 영원히 멈춥니다. — 노트북 05 '독이 든 레코드: 재시도 → <토픽>-dlt'")
    void listenerThatAlwaysFailsLosesNothing() {
        createDlt();
        app = RunningApp.start(cluster, orders, group);
        app.listenerContainer();
        app.requireErrorHandler();
        PaymentService payments = app.payments();
        payments.gatewayDown(true);
        int count = 9;
        produceSteps(1, count, 1);
        awaitQuietly("DLT 에 " + count + "건, lag 0", () -> {
            app.failFastOnTodo();
            return lag() == 0 && TopicReader.readAll(cluster, dlt).size() >= count;
        });
        List<String> dead = TopicReader.readAll(cluster, dlt).stream().map(ConsumerRecord::key).sorted().toList();
        List<Integer> attempts = IntStream.rangeClosed(1, count).mapToObj(i -> payments.attempts(orderId(i), 1)).toList();
        Observations.reportAs("대행사 장애", "DLT %d건 %s, 시도 횟수 %s, lag %d", dead.size(), dead, attempts, lag());
        assertThat(dead).as("DLT 의 주문: 실패한 %d건이 하나도 빠짐없이, 한 번씩", count)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count).mapToObj(SpringKafkaTest::orderId).sorted().toList());
        assertThat(attempts).as("레코드마다 처리 시도: 처음 1번 + 재시도 %d번", ErrorHandlingConfig.RETRIES)
                .allMatch(n -> n == 1 + ErrorHandlingConfig.RETRIES);
        assertThat(lag()).as("그룹의 총 lag").isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void createDlt() {
        topics.createNamed(dlt, 3); // DeadLetterPublishingRecoverer writes to the same partition number of <topic>-dlt
    }

    private long lag() {
        try {
            return GroupView.of(cluster, group).totalLag();
        } catch (RuntimeException e) {
            return Long.MAX_VALUE; // group not there yet
        }
    }

    private void awaitQuietly(String what, java.util.concurrent.Callable<Boolean> condition) {
        LearnerSteps.waitFor(what, LIMIT, () -> {
            if (app != null) {
                app.failFastOnTodo();
            }
            return condition.call();
        });
    }

    private KafkaProducer<String, String> producer() {
        return Clients.producer(cluster);
    }

    /** Orders first..last, each with steps 1..steps, written in step order (JSON without Spring's type header, as any other service would). */
    private void produceSteps(int first, int last, int steps) {
        try (KafkaProducer<String, String> p = producer()) {
            for (int seq = 1; seq <= steps; seq++) {
                for (int i = first; i <= last; i++) {
                    p.send(new ProducerRecord<>(orders, orderId(i), json(orderId(i), seq, 1000L * i)));
                }
            }
            p.flush();
        }
    }

    private static String orderId(int i) {
        return String.format("order-%02d", i);
    }

    private static String json(String orderId, int seq, long amount) {
        return "{\"eventType\":\"%s\",\"orderId\":\"%s\",\"customerId\":\"customer-1\",\"amount\":%d,\"seq\":%d}"
                .formatted(seq == 1 ? OrderEvent.ORDER_CREATED : "ORDER_STEP_" + seq, orderId, amount, seq);
    }

    private void assertOrigin(ConsumerRecord<String, String> dead, RecordMetadata original) {
        assertThat(headerString(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).as("헤더 " + KafkaHeaders.DLT_ORIGINAL_TOPIC).isEqualTo(orders);
        assertThat(headerInt(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION)).as("헤더 " + KafkaHeaders.DLT_ORIGINAL_PARTITION).isEqualTo(original.partition());
        assertThat(headerLong(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET)).as("헤더 " + KafkaHeaders.DLT_ORIGINAL_OFFSET).isEqualTo(original.offset());
        assertThat(dead.partition()).as("DLT 의 파티션: 원래 파티션과 같은 번호 (기본 목적지)").isEqualTo(original.partition());
    }

    private static Header header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as("DLT 레코드의 헤더 %s (있는 헤더: %s)", name, headers(r)).isNotNull();
        return h;
    }

    private static String headerString(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int headerInt(ConsumerRecord<String, String> r, String name) {
        return ByteBuffer.wrap(header(r, name).value()).getInt();
    }

    private static long headerLong(ConsumerRecord<String, String> r, String name) {
        return ByteBuffer.wrap(header(r, name).value()).getLong();
    }

    private static List<String> headers(ConsumerRecord<String, String> r) {
        List<String> names = new ArrayList<>();
        r.headers().forEach(h -> names.add(h.key()));
        return names;
    }

    private static String className(Object value) {
        return value instanceof Class<?> c ? c.getName() : String.valueOf(value);
    }
}
