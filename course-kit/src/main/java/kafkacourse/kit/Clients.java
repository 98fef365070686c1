package kafkacourse.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.display.HtmlTable;
import kafkacourse.kit.display.Notebook;
import kafkacourse.kit.lab.LabTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients objects for the notebooks, with String keys and values: the code a learner would write
 * anyway, kept in one place instead of being repeated in every notebook.
 * <pre>{@code
 * String orders = Clients.newTopic(cluster, "orders", 3, 3);
 * try (var producer = Clients.producer(cluster)) {
 *     producer.send(new ProducerRecord<>(orders, "order-1", "CREATED")).get();
 * }
 * var records = Clients.consume(cluster, orders, "payment-service", 1);
 * Clients.deleteCreatedTopics(cluster);   // last cell of the notebook
 * }</pre>
 * Overrides are ordinary client settings keyed by the {@code *Config} constants, e.g.
 * {@code Map.of(ProducerConfig.ACKS_CONFIG, "1")}.
 */
public final class Clients {

    /** How long {@link #consume(KafkaCluster, String, String, int)} polls at most before returning what it has. */
    public static final Duration CONSUME_LIMIT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(200);

    /** Topics made by {@link #newTopic}, per cluster, until {@link #deleteCreatedTopics} removes them. */
    private static final Map<KafkaCluster, LabTopics> CREATED = new IdentityHashMap<>();

    private Clients() {
    }

    /** A producer with String serializers and the client defaults (Kafka 4.x: acks=all, idempotence on). */
    public static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return producer(cluster, Map.of());
    }

    /** A producer with String serializers; {@code overrides} win over everything else. */
    public static KafkaProducer<String, String> producer(KafkaCluster cluster, Map<String, ?> overrides) {
        return new KafkaProducer<>(producerConfig(cluster, overrides));
    }

    /** Producer settings for this cluster with String serializers (for code that builds its own producer). */
    public static Properties producerConfig(KafkaCluster cluster) {
        return producerConfig(cluster, Map.of());
    }

    /** As {@link #producerConfig(KafkaCluster)}; {@code overrides} win over everything else. */
    public static Properties producerConfig(KafkaCluster cluster, Map<String, ?> overrides) {
        Properties p = cluster.clientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.putAll(overrides);
        return p;
    }

    /**
     * Consumer settings for group {@code groupId} with String deserializers, starting from the earliest offset when the
     * group has no committed offset; {@code overrides} win over everything else.
     */
    public static Properties consumerConfig(KafkaCluster cluster, String groupId, Map<String, ?> overrides) {
        Properties p = cluster.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putAll(overrides);
        return p;
    }

    /** Admin settings for this cluster (for a test that needs its own Admin; the shared one is {@code cluster.admin()}). */
    public static Properties adminConfig(KafkaCluster cluster) {
        return cluster.clientProperties();
    }

    /**
     * A consumer of group {@code groupId} with String deserializers that starts from the earliest offset when the
     * group has no committed offset yet. Not subscribed: the caller subscribes or assigns.
     */
    public static KafkaConsumer<String, String> consumer(KafkaCluster cluster, String groupId) {
        return consumer(cluster, groupId, Map.of());
    }

    /** As {@link #consumer(KafkaCluster, String)}; {@code overrides} win over everything else. */
    public static KafkaConsumer<String, String> consumer(KafkaCluster cluster, String groupId, Map<String, ?> overrides) {
        Map<String, Object> withClientId = new java.util.HashMap<>();
        withClientId.put(ConsumerConfig.CLIENT_ID_CONFIG, Notebook.unique(groupId));
        withClientId.putAll(overrides);
        return new KafkaConsumer<>(consumerConfig(cluster, groupId, withClientId));
    }

    /**
     * Subscribes as group {@code groupId}, polls until {@code count} records arrived or {@link #CONSUME_LIMIT}
     * passed, commits the offsets and closes (the group is left). Returns the records in arrival order; fewer than
     * {@code count} when the time ran out.
     */
    public static List<ConsumerRecord<String, String>> consume(KafkaCluster cluster, String topic, String groupId, int count) {
        return consume(cluster, topic, groupId, count, CONSUME_LIMIT);
    }

    /** As {@link #consume(KafkaCluster, String, String, int)} with another time limit. */
    public static List<ConsumerRecord<String, String>> consume(KafkaCluster cluster, String topic, String groupId, int count,
                                                               Duration limit) {
        try (KafkaConsumer<String, String> consumer = consumer(cluster, groupId)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
            consumer.commitSync();
            return records;
        }
    }

    /** Records as a table: partition, offset, key, value (headers in Korean, as all learner-facing text). */
    public static HtmlTable recordTable(String caption, List<ConsumerRecord<String, String>> records) {
        HtmlTable table = HtmlTable.of("파티션", "offset", "key", "value").caption(caption);
        records.forEach(r -> table.row(r.partition(), r.offset(), r.key(), r.value()));
        return table;
    }

    /** A new topic named {@code unique(base)}, remembered for {@link #deleteCreatedTopics}; returns its name. */
    public static String newTopic(KafkaCluster cluster, String base, int partitions, int replicationFactor) {
        return newTopic(cluster, base, partitions, replicationFactor, Map.of());
    }

    /** As {@link #newTopic(KafkaCluster, String, int, int)} with topic configs (e.g. {@code min.insync.replicas}). */
    public static String newTopic(KafkaCluster cluster, String base, int partitions, int replicationFactor,
                                  Map<String, String> configs) {
        return topicsOf(cluster).create(base, partitions, replicationFactor, configs);
    }

    /**
     * Deletes every topic {@link #newTopic} made on this cluster (in this JVM) and returns their names. The same
     * {@link LabTopics} that graded tests use; a graded run also sweeps everything named by {@code UniqueNames}.
     */
    public static List<String> deleteCreatedTopics(KafkaCluster cluster) {
        LabTopics topics;
        synchronized (CREATED) {
            topics = CREATED.remove(cluster);
        }
        return topics == null ? List.of() : topics.deleteAll();
    }

    private static LabTopics topicsOf(KafkaCluster cluster) {
        synchronized (CREATED) {
            return CREATED.computeIfAbsent(cluster, LabTopics::new);
        }
    }
}
