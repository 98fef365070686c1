package kafkacourse.kit.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import kafkacourse.kit.Columns;
import kafkacourse.kit.grading.LabGrade;
import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Workshop mode: every learner's latest grade per lab, kept in one compacted course topic on the room's shared
 * cluster. A learner's grading run publishes {@code <learner>/<lab>} → {@link Entry} JSON; the instructor's
 * {@code ./course grade --room} reads the topic from the beginning and keeps the last value per key. Compaction
 * (the lesson of lab 07) lets the broker drop the older grades too.
 */
public final class RoomGrades {

    /** Environment variable naming the course topic; default {@value #DEFAULT_TOPIC}. */
    public static final String TOPIC_ENV = "COURSE_ROOM_TOPIC";
    public static final String DEFAULT_TOPIC = "course-grades";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private RoomGrades() {
    }

    /** One learner's grade of one lab, as published. */
    public record Entry(String learner, String lab, int score, int max, long passed, int tests, long gradedAtMillis) {

        static Entry of(String learner, LabGrade grade, Instant at) {
            return new Entry(learner, grade.lab(), grade.score(), grade.max(), grade.passedCount(), grade.tests().size(), at.toEpochMilli());
        }

        String key() {
            return learner + "/" + lab;
        }
    }

    public static String topic() {
        String env = System.getenv(TOPIC_ENV);
        return env == null || env.isBlank() ? DEFAULT_TOPIC : env.strip();
    }

    /** Create the course topic if it is missing: compacted, one partition, replicated on up to 3 brokers. */
    public static void ensureTopic(KafkaCluster cluster, String topic) {
        short rf = (short) Math.min(3, cluster.nodeIds().size());
        NewTopic newTopic = new NewTopic(topic, 1, rf).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, rf >= 2 ? "2" : "1"));
        try {
            cluster.admin().createTopics(List.of(newTopic)).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ClusterException("강좌 점수 토픽 " + topic + " 을(를) 만들지 못했습니다: " + e.getCause().getMessage()
                        + "\n  (권한이 없는 클러스터라면 강사가 먼저 만들어 두세요: cleanup.policy=compact)");
            }
        } catch (TimeoutException e) {
            throw new ClusterException("강좌 점수 토픽 " + topic + " 생성이 " + LIMIT.toSeconds() + "초 안에 끝나지 않았습니다.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("강좌 점수 토픽 생성 중에 중단되었습니다.");
        }
    }

    /** Publish one lab grade of a learner (acks=all: the instructor must not miss a grade the learner saw). */
    public static Entry publish(KafkaCluster cluster, String topic, String learner, LabGrade grade) {
        if (learner == null || learner.isBlank()) {
            throw new IllegalArgumentException("학습자 이름이 없습니다. COURSE_LEARNER 를 설정하세요 (예: export COURSE_LEARNER=kim-minsu).");
        }
        if (!exists(cluster, topic)) {
            ensureTopic(cluster, topic); // a learner on a secure cluster may not create topics: only when missing
        }
        Entry entry = Entry.of(learner.strip(), grade, Instant.now());
        Properties p = cluster.clientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "course-room-" + entry.learner());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(LIMIT.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, entry.key(), JSON.writeValueAsString(entry))).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterException("점수를 강좌 토픽 " + topic + " 에 보내지 못했습니다: " + (e.getCause() != null ? e.getCause().getMessage() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("점수 보내기가 중단되었습니다.");
        }
    }

    /**
     * Where a learner's grades go: its own topic {@code <topic()>.<learner>} when the room has one (a secure room:
     * {@code ./course room add-learners} creates them, and only that learner may write there), else {@link #topic()}.
     */
    public static String publishTopic(KafkaCluster cluster, String learner) {
        String own = topic() + "." + learner.strip();
        return exists(cluster, own) ? own : topic();
    }

    private static boolean exists(KafkaCluster cluster, String topic) {
        try {
            cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return false; // unknown topic, or not ours to see: both mean "not this learner's grades topic"
        } catch (TimeoutException e) {
            throw new ClusterException("강좌 점수 토픽 " + topic + " 을(를) " + LIMIT.toSeconds() + "초 안에 조회하지 못했습니다.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("강좌 점수 토픽 조회가 중단되었습니다.");
        }
    }

    /**
     * The whole room (instructor): the shared topic plus every per-learner topic {@code <base>.<learner>}. An entry in
     * a learner's own topic counts only for that learner: a record claiming to be someone else's is left out (ACLs
     * decide who may write a topic; the key inside is just what the writer typed).
     */
    public static List<Entry> latestInRoom(KafkaCluster cluster, String base) {
        Set<String> names;
        try {
            names = cluster.admin().listTopics().names().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterException("토픽 목록을 읽지 못했습니다: " + (e.getCause() != null ? e.getCause().getMessage() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("토픽 목록 조회가 중단되었습니다.");
        }
        List<Entry> all = new ArrayList<>(names.contains(base) ? latest(cluster, base) : List.of());
        for (String name : new TreeSet<>(names)) {
            if (!name.startsWith(base + ".")) {
                continue;
            }
            String owner = name.substring(base.length() + 1);
            for (Entry e : latest(cluster, name)) {
                if (e.learner().equals(owner)) {
                    all.removeIf(other -> other.learner().equals(owner) && other.lab().equals(e.lab()));
                    all.add(e);
                } else {
                    System.err.println("[강좌 점수] " + name + " 에 다른 학습자(" + e.learner() + ")의 점수가 있어 무시합니다.");
                }
            }
        }
        return all;
    }

    /** Every learner's latest entry per lab: the topic read from its first to its last offset, last value per key wins. */
    public static List<Entry> latest(KafkaCluster cluster, String topic) {
        Properties p = cluster.clientProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Entry> last = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions;
            try {
                partitions = consumer.partitionsFor(topic, LIMIT).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                return List.of(); // no topic yet: nobody has published
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions); // no group: reading the room changes no committed offset
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, LIMIT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new ClusterException("강좌 점수 토픽 " + topic + " 을(를) " + LIMIT.toSeconds() + "초 안에 끝까지 읽지 못했습니다.");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        last.remove(r.key()); // a tombstone: the instructor removed this learner's lab
                        continue;
                    }
                    try {
                        last.put(r.key(), JSON.readValue(r.value(), Entry.class));
                    } catch (IOException e) {
                        System.err.println("[강좌 점수] 읽을 수 없는 레코드를 건너뜁니다 (오프셋 " + r.offset() + "): " + e.getMessage());
                    }
                }
            }
        }
        return new ArrayList<>(last.values());
    }

    /** The instructor's table: one row per learner, one column per lab (score/max), then the total. */
    public static String render(String topic, List<Entry> entries) {
        StringBuilder out = new StringBuilder("\n══ 워크숍 점수판 (토픽 ").append(topic).append(") ").append("═".repeat(40)).append('\n');
        if (entries.isEmpty()) {
            return out.append("아직 점수를 보낸 학습자가 없습니다. 학습자: COURSE_LEARNER 와 KAFKA_BOOTSTRAP_SERVERS 를 설정하고 ./course grade\n").toString();
        }
        TreeSet<String> labs = new TreeSet<>();
        Map<String, Map<String, Entry>> byLearner = new TreeMap<>();
        for (Entry e : entries) {
            labs.add(e.lab());
            byLearner.computeIfAbsent(e.learner(), k -> new TreeMap<>()).put(e.lab(), e);
        }
        int nameWidth = Math.max(12, byLearner.keySet().stream().mapToInt(Columns::width).max().orElse(0) + 2);
        out.append(Columns.pad("학습자", nameWidth));
        labs.forEach(lab -> out.append(Columns.pad(shortLab(lab), 9)));
        out.append(Columns.pad("합계", 12)).append("마지막 채점\n");
        out.append("─".repeat(nameWidth + 9 * labs.size() + 26)).append('\n');
        for (Map.Entry<String, Map<String, Entry>> row : byLearner.entrySet()) {
            out.append(Columns.pad(row.getKey(), nameWidth));
            int score = 0;
            int max = 0;
            for (String lab : labs) {
                Entry e = row.getValue().get(lab);
                out.append(Columns.pad(e == null ? "-" : e.score() + "/" + e.max(), 9));
                if (e != null) {
                    score += e.score();
                    max += e.max();
                }
            }
            long lastAt = row.getValue().values().stream().mapToLong(Entry::gradedAtMillis).max().orElse(0);
            out.append(Columns.pad(score + "/" + max, 12)).append(TIME.format(Instant.ofEpochMilli(lastAt))).append('\n');
        }
        out.append("─".repeat(nameWidth + 9 * labs.size() + 26)).append('\n');
        out.append("학습자 ").append(byLearner.size()).append("명, 실습 ").append(labs.size()).append("개. 칸: 마지막으로 채점한 점수/만점, '-': 아직 채점 안 함\n");
        return out.toString();
    }

    /** {@code lab01-pubsub} → {@code lab01}: keeps the table narrow. */
    private static String shortLab(String lab) {
        int dash = lab.indexOf('-');
        return dash > 0 ? lab.substring(0, dash) : lab;
    }

    /** Sort helper for callers that print entries themselves. */
    public static Comparator<Entry> byLearnerThenLab() {
        return Comparator.comparing(Entry::learner).thenComparing(Entry::lab);
    }
}
