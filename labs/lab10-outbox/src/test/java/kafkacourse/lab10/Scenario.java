package kafkacourse.lab10;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafkacourse.kit.TopicReader;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.lab.LabTopics;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One world of the lab (test helper): an orders DB, a timeline DB, a topic and a consumer group, all new; the order
 * commands of a few orders; and the pumps that run the service, the relay and the consumer, restarting a component
 * (new object: new DB connection, new producer/consumer) whenever it dies of a {@link SimulatedCrash}.
 */
final class Scenario {

    static final int PARTITIONS = 3;
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final Path DB_DIR = Path.of("target", "lab10-db");

    final KafkaCluster cluster;
    final String topic;
    final String group;
    final Database ordersDb;
    Database timelineDb;
    private final String name;

    /** One order command: place, pay or ship one order. */
    record Command(String kind, String orderId) {
        void run(OrderService service) {
            switch (kind) {
                case "place" -> service.placeOrder(orderId, amountOf(orderId));
                case "pay" -> service.pay(orderId);
                default -> service.ship(orderId);
            }
        }

        @Override
        public String toString() {
            return kind + "(" + orderId + ")";
        }
    }

    private Scenario(KafkaCluster cluster, LabTopics topics, String name) {
        this.cluster = cluster;
        this.name = name;
        this.topic = topics.create("order-events", PARTITIONS, Map.of("min.insync.replicas", "2"));
        this.group = UniqueNames.of("timeline-service");
        this.ordersDb = Database.orders(DB_DIR.resolve(name + "-orders"));
        this.timelineDb = Database.timeline(DB_DIR.resolve(name + "-timeline"));
    }

    /** A new world whose topic is one of {@code topics} (deleted after the test class). */
    static Scenario create(KafkaCluster cluster, LabTopics topics) {
        return new Scenario(cluster, topics, UniqueNames.of("w"));
    }

    /** A second consumer side (new timeline DB, new group) reading the same topic. */
    Scenario freshConsumerSide() {
        Scenario other = new Scenario(this);
        return other;
    }

    private Scenario(Scenario base) {
        this.cluster = base.cluster;
        this.name = UniqueNames.of("w");
        this.topic = base.topic;
        this.group = UniqueNames.of("timeline-service");
        this.ordersDb = base.ordersDb;
        this.timelineDb = Database.timeline(DB_DIR.resolve(name + "-timeline"));
    }

    static long amountOf(String orderId) {
        return 1000L * Long.parseLong(orderId.substring(orderId.lastIndexOf('-') + 1));
    }

    /** place, pay and ship for {@code orders} orders, interleaved so that the outbox mixes orders: place(1), place(2), pay(1), ... */
    static List<Command> commands(int orders) {
        List<Command> list = new ArrayList<>();
        for (int round = 1; round <= orders + 2; round++) {
            if (round <= orders) {
                list.add(new Command("place", "order-" + round));
            }
            if (round - 1 >= 1 && round - 1 <= orders) {
                list.add(new Command("pay", "order-" + (round - 1)));
            }
            if (round - 2 >= 1 && round - 2 <= orders) {
                list.add(new Command("ship", "order-" + (round - 2)));
            }
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------------ pumps

    /** Runs the commands with one service; a crash kills it and a new one takes the next command. Returns the crash sites hit. */
    List<String> runCommands(List<Command> commands, CrashPoint crash) {
        List<String> crashes = new ArrayList<>();
        OrderService service = new OrderService(ordersDb.connect("주문 서비스", crash));
        try {
            for (Command command : commands) {
                try {
                    command.run(service);
                } catch (SimulatedCrash dead) {
                    crashes.add(command + ": " + dead.getMessage());
                    service.crash();
                    service = new OrderService(ordersDb.connect("주문 서비스"));
                } catch (IllegalStateException rejected) {
                    // e.g. pay() of an order whose place() died: the client was told, nothing was written
                }
            }
        } finally {
            service.close();
        }
        return crashes;
    }

    /** Publishes until the outbox has no unsent row; a crashed relay is replaced by a new one. */
    List<String> drainRelay(CrashPoint crash) {
        List<String> crashes = new ArrayList<>();
        OutboxRelay[] relay = {new OutboxRelay(ordersDb.connect("중계기", crash), cluster.clientProperties(), topic)};
        try {
            await("중계기가 outbox 의 행을 모두 보내고 표시하기").atMost(DRAIN_LIMIT).pollInterval(Duration.ofMillis(1)).pollInSameThread()
                    .until(() -> {
                        try {
                            return relay[0].publishOnce() == 0 && unsentRows() == 0;
                        } catch (SimulatedCrash dead) {
                            crashes.add(dead.getMessage());
                            relay[0].crash();
                            relay[0] = new OutboxRelay(ordersDb.connect("중계기"), cluster.clientProperties(), topic);
                            return false;
                        }
                    });
        } finally {
            relay[0].close();
        }
        return crashes;
    }

    /** Consumes until the group's committed offsets reach the end of the topic; a crashed consumer is replaced. */
    List<String> drainConsumer(CrashPoint crash) {
        List<String> crashes = new ArrayList<>();
        Map<TopicPartition, Long> end = endOffsets();
        OrderEventConsumer[] consumer = {newConsumer(crash)};
        try {
            await("이력 서비스가 토픽 끝까지 처리하고 오프셋을 커밋하기").atMost(DRAIN_LIMIT).pollInterval(Duration.ofMillis(1)).pollInSameThread()
                    .until(() -> {
                        try {
                            consumer[0].pollOnce(Duration.ofMillis(100));
                        } catch (SimulatedCrash dead) {
                            crashes.add(dead.getMessage());
                            consumer[0].crash();
                            consumer[0] = newConsumer(CrashPoint.NONE);
                            return false;
                        }
                        return committedOffsets().equals(end);
                    });
        } finally {
            consumer[0].close();
        }
        return crashes;
    }

    OrderEventConsumer newConsumer(CrashPoint crash) {
        return new OrderEventConsumer(timelineDb.connect("이력 서비스", crash), cluster.clientProperties(), topic, group);
    }

    // ------------------------------------------------------------------------------------------------ what is there

    Map<String, String> orders() {
        try (DbSession s = ordersDb.connect("검사")) {
            return s.call(tx -> tx.query("SELECT order_id, status FROM orders", r -> Map.entry(r.getString(1), r.getString(2))))
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }
    }

    /** Outbox rows in creation order. */
    List<OutboxRow> outbox() {
        try (DbSession s = ordersDb.connect("검사")) {
            return s.call(tx -> tx.query("SELECT " + OutboxRow.COLUMNS + " FROM outbox ORDER BY seq", OutboxRow::read));
        }
    }

    int unsentRows() {
        try (DbSession s = ordersDb.connect("검사")) {
            return s.call(tx -> tx.query("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", r -> r.getInt(1))).get(0);
        }
    }

    /** The timeline in the order it was written: (order id, event id, type). */
    List<String[]> timeline() {
        try (DbSession s = timelineDb.connect("검사")) {
            return s.call(tx -> tx.query("SELECT order_id, event_id, event_type FROM order_timeline ORDER BY entry_id",
                    r -> new String[] {r.getString(1), r.getString(2), r.getString(3)}));
        }
    }

    List<ConsumerRecord<String, String>> records() {
        return TopicReader.readAll(cluster, topic);
    }

    Map<TopicPartition, Long> endOffsets() {
        return cluster.endOffsets(topic);
    }

    /** The group's committed offset of every partition, 0 where it has committed nothing. */
    Map<TopicPartition, Long> committedOffsets() {
        Map<TopicPartition, Long> committed = cluster.committedOffsets(group);
        Map<TopicPartition, Long> result = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            result.put(tp, committed.getOrDefault(tp, 0L));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------ the verdict

    /** What the two DBs and the topic say, compared. Empty lists = consistent. */
    record Verdict(int orders, int records, int distinctEvents, List<String> ordersWithoutEvent, List<String> eventsWithoutOrder,
                   List<String> appliedTwice, List<String> notApplied, List<String> outOfOrder, int unsent) {

        boolean consistent() {
            return ordersWithoutEvent.isEmpty() && eventsWithoutOrder.isEmpty() && appliedTwice.isEmpty() && notApplied.isEmpty()
                    && outOfOrder.isEmpty() && unsent == 0;
        }

        String line() {
            return "주문 %d건, 토픽 레코드 %d건(서로 다른 이벤트 %d건), 이벤트 없는 주문 %d, 주문 없는 이벤트 %d, 두 번 적용 %d, 적용 안 됨 %d, 순서 어긋남 %d, 안 보낸 outbox 행 %d"
                    .formatted(orders, records, distinctEvents, ordersWithoutEvent.size(), eventsWithoutOrder.size(), appliedTwice.size(),
                            notApplied.size(), outOfOrder.size(), unsent);
        }

        String details() {
            StringBuilder b = new StringBuilder();
            append(b, "이벤트 없는 주문(주문 ID:빠진 이벤트)", ordersWithoutEvent);
            append(b, "주문 없는 이벤트(DB 에 없는 주문·상태)", eventsWithoutOrder);
            append(b, "두 번 이상 적용된 이벤트", appliedTwice);
            append(b, "적용되지 않은 이벤트", notApplied);
            append(b, "순서가 어긋난 주문", outOfOrder);
            return b.toString();
        }

        private static void append(StringBuilder b, String what, List<String> items) {
            if (!items.isEmpty()) {
                b.append("\n  ").append(what).append(": ").append(items.size() > 6 ? items.subList(0, 6) + " …" : items);
            }
        }
    }

    /** Compares orders DB, topic and (if {@code consumed}) timeline DB. */
    Verdict verdict(boolean consumed) {
        Map<String, String> orders = orders();
        List<ConsumerRecord<String, String>> records = records();
        Map<UUID, OrderEvent> firstSeen = new LinkedHashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        Map<String, Set<Integer>> partitionsOfKey = new TreeMap<>();
        Map<String, List<String>> typesOfKey = new TreeMap<>();
        // TopicReader returns records partition by partition, in offset order within each partition.
        for (ConsumerRecord<String, String> r : records) {
            OrderEvent e;
            try {
                e = OrderEvent.parse(r.value());
            } catch (IllegalArgumentException bad) {
                outOfOrder.add("값이 주문 이벤트가 아님: " + r.value());
                continue;
            }
            if (!e.orderId().equals(r.key())) {
                outOfOrder.add("%s 의 이벤트 키가 '%s' (키는 주문 ID 여야 같은 파티션에 순서대로 갑니다)".formatted(e.orderId(), r.key()));
            }
            partitionsOfKey.computeIfAbsent(e.orderId(), k -> new TreeSet<>()).add(r.partition());
            if (firstSeen.putIfAbsent(e.eventId(), e) == null) {
                typesOfKey.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(e.type());
            }
        }
        partitionsOfKey.forEach((order, parts) -> {
            if (parts.size() > 1) {
                outOfOrder.add(order + " 의 이벤트가 파티션 " + parts + " 에 흩어짐");
            }
        });
        typesOfKey.forEach((order, types) -> {
            if (!types.equals(OrderEvent.LIFECYCLE.subList(0, Math.min(types.size(), 3)))) {
                outOfOrder.add(order + " 토픽 순서 " + types);
            }
        });

        List<String> ordersWithoutEvent = new ArrayList<>();
        orders.forEach((order, status) -> {
            int upTo = OrderEvent.LIFECYCLE.indexOf("ORDER_" + status);
            List<String> seen = firstSeen.values().stream().filter(e -> e.orderId().equals(order)).map(OrderEvent::type).toList();
            for (String type : OrderEvent.LIFECYCLE.subList(0, upTo + 1)) {
                if (!seen.contains(type)) {
                    ordersWithoutEvent.add(order + ":" + type);
                }
            }
        });
        List<String> eventsWithoutOrder = new ArrayList<>();
        for (OrderEvent e : firstSeen.values()) {
            String status = orders.get(e.orderId());
            if (status == null || OrderEvent.LIFECYCLE.indexOf(e.type()) > OrderEvent.LIFECYCLE.indexOf("ORDER_" + status)) {
                eventsWithoutOrder.add(e.orderId() + ":" + e.type() + (status == null ? " (주문 없음)" : " (DB 상태 " + status + ")"));
            }
        }

        List<String> appliedTwice = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        if (consumed) {
            List<String[]> timeline = timeline();
            Map<String, Long> applied = timeline.stream().collect(Collectors.groupingBy(t -> t[1], Collectors.counting()));
            timeline.stream().collect(Collectors.groupingBy(t -> t[1], LinkedHashMap::new, Collectors.toList())).forEach((id, rows) -> {
                if (rows.size() > 1) {
                    appliedTwice.add(rows.get(0)[0] + ":" + rows.get(0)[2] + "×" + rows.size());
                }
            });
            for (OrderEvent e : firstSeen.values()) {
                if (!applied.containsKey(e.eventId().toString())) {
                    notApplied.add(e.orderId() + ":" + e.type());
                }
            }
            Map<String, List<String>> timelineTypes = new TreeMap<>();
            Set<String> counted = new java.util.HashSet<>();
            for (String[] t : timeline) {
                if (counted.add(t[1])) {
                    timelineTypes.computeIfAbsent(t[0], k -> new ArrayList<>()).add(t[2]);
                }
            }
            timelineTypes.forEach((order, types) -> {
                if (!types.equals(OrderEvent.LIFECYCLE.subList(0, Math.min(types.size(), 3)))) {
                    outOfOrder.add(order + " 이력 순서 " + types);
                }
            });
        }
        return new Verdict(orders.size(), records.size(), firstSeen.size(), ordersWithoutEvent, eventsWithoutOrder, appliedTwice,
                notApplied, outOfOrder, unsentRows());
    }

    static <T> T timed(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf("  (%s: %d ms)%n", what, (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
