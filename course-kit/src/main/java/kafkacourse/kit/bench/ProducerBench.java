package kafkacourse.kit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.cluster.KafkaTools;
import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producer throughput, measured the way Kafka's ProducerPerformance does it: N records as fast as the producer
 * takes them, each acknowledgement's latency recorded in a callback, throughput = N / (last ack − first send).
 * The same payload file, the same key pattern (round-robin keys 0..K-1, like {@code --key-distribution range})
 * and a fresh topic (6 partitions, RF 3) for every producer.
 */
public final class ProducerBench {

    /** Settings that are the bench's business, not the producer's tuning (ProducerPerformance brings its own). */
    private static final Set<String> NOT_TUNING = Set.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG);
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max latency, (\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th");
    static final int PARTITIONS = 6;

    private final KafkaCluster cluster;
    private final List<String> payloads;
    private final long records;
    private final int keyRange;

    public ProducerBench(KafkaCluster cluster, List<String> payloads, long records, int keyRange) {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("주문 파일이 비어 있습니다.");
        }
        if (records < 1 || keyRange < 1) {
            throw new IllegalArgumentException("레코드 수와 키 개수는 1 이상이어야 합니다: records=" + records + ", keys=" + keyRange);
        }
        this.cluster = cluster;
        this.payloads = payloads;
        this.records = records;
        this.keyRange = keyRange;
    }

    /** The bench's own send loop with the given producer settings (learner's or baseline). */
    public BenchResult runClient(String name, Properties settings) {
        String topic = createTopic();
        try {
            Properties p = cluster.clientProperties();
            p.putAll(settings);
            p.putAll(cluster.clientProperties()); // the cluster's address and security settings win
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            Random random = new Random(0);
            int[] latencies = new int[(int) Math.min(records, Integer.MAX_VALUE)];
            AtomicLong bytes = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            long start;
            long end;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                start = System.nanoTime();
                for (int i = 0; i < latencies.length; i++) {
                    String value = payloads.get(random.nextInt(payloads.size()));
                    long sentAt = System.nanoTime();
                    int index = i;
                    producer.send(new ProducerRecord<>(topic, Integer.toString(i % keyRange), value), (m, error) -> {
                        latencies[index] = (int) ((System.nanoTime() - sentAt) / 1_000_000);
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            bytes.addAndGet(m.serializedValueSize());
                        }
                    });
                }
                producer.flush();
                end = System.nanoTime();
            }
            if (failures.get() > 0) {
                throw new ClusterException(name + ": " + failures.get() + "건의 전송이 실패했습니다. 클러스터 상태를 확인하세요: ./course cluster status");
            }
            double seconds = (end - start) / 1e9;
            int[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new BenchResult(name, latencies.length, latencies.length / seconds, bytes.get() / seconds / (1024 * 1024),
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        } finally {
            deleteTopic(topic);
        }
    }

    /** Kafka's own ProducerPerformance (kafka-tools) as a child JVM, with the same settings, payload file and keys. */
    public BenchResult runProducerPerformance(String name, Properties settings, Path payloadFile) {
        String topic = createTopic();
        try {
            List<String> args = new ArrayList<>(List.of("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                    "--num-records", Long.toString(records), "--throughput", "-1", "--payload-file", payloadFile.toString(),
                    "--key-distribution", "range", "--record-key-range", Integer.toString(keyRange),
                    "--reporting-interval", "600000", "--command-property"));
            Properties p = new Properties();
            p.putAll(cluster.clientProperties());
            p.putAll(settings);
            p.stringPropertyNames().stream().filter(k -> !NOT_TUNING.contains(k)).sorted()
                    .forEach(k -> args.add(k + "=" + p.getProperty(k)));
            ProcessBuilder pb = new ProcessBuilder(KafkaTools.command(KafkaTools.PRODUCER_PERFORMANCE, args)).redirectErrorStream(true);
            Process process = pb.start();
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    throw new ClusterException("ProducerPerformance 가 10분 안에 끝나지 않았습니다.");
                }
            } finally {
                process.destroyForcibly();
            }
            Matcher m = SUMMARY.matcher(output);
            BenchResult result = null;
            while (m.find()) {
                result = new BenchResult(name, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
            }
            if (result == null) {
                throw new ClusterException("ProducerPerformance 의 결과 줄을 찾지 못했습니다. 출력:\n" + tail(output));
            }
            return result;
        } catch (IOException e) {
            throw new ClusterException("ProducerPerformance 를 실행하지 못했습니다: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("ProducerPerformance 실행이 중단되었습니다.", e);
        } finally {
            deleteTopic(topic);
        }
    }

    /** The payloads as a file ProducerPerformance can read (one payload a line). */
    public static Path writePayloadFile(List<String> payloads) {
        try {
            Path file = Files.createTempFile("course-bench-payload", ".jsonl");
            file.toFile().deleteOnExit();
            Files.writeString(file, String.join("\n", payloads) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new ClusterException("임시 주문 파일을 쓸 수 없습니다: " + e.getMessage(), e);
        }
    }

    private String createTopic() {
        String topic = UniqueNames.of("bench-producer");
        cluster.createTopic(topic, PARTITIONS, Math.min(3, cluster.nodeIds().size()));
        return topic;
    }

    private void deleteTopic(String topic) {
        try {
            cluster.admin().deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("(벤치 토픽 " + topic + " 을 지우지 못했습니다: " + e.getMessage() + ")");
        }
    }

    private static double percentile(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
