package kafkacourse.lab07;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 작은 실시간 파이프라인: 원시 클릭 → (카테고리를 붙인) 보강 클릭 → 카테고리·분 단위 집계.
 * 과제 설명: README.ko.md 의 "4. 실시간 파이프라인", 막히면 HINTS.ko.md#4.
 */
public class ClickPipeline implements AutoCloseable {

    private static final long MINUTE_MS = 60_000;

    private final PipelineTopics topics;
    private final KafkaConsumer<String, String> clickReader;
    private final KafkaConsumer<String, String> enrichedReader;
    private final KafkaProducer<String, String> producer;
    /** 분류@분 → 지금까지 센 클릭 수 (집계기의 상태). */
    private final Map<String, Long> counts = new HashMap<>();

    public ClickPipeline(Properties cluster, PipelineTopics topics, String groupPrefix) {
        this.topics = topics;
        this.clickReader = newConsumer(cluster, groupPrefix + "-enricher");
        clickReader.subscribe(List.of(topics.clicks()));
        this.enrichedReader = newConsumer(cluster, groupPrefix + "-aggregator");
        enrichedReader.subscribe(List.of(topics.enriched()));
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
    }

    /** 주어진 코드: 파이프라인 단계마다 쓰는 컨슈머 (그룹별, 처음부터, 수동 커밋). */
    private static KafkaConsumer<String, String> newConsumer(Properties cluster, String groupId) {
        Properties c = new Properties();
        c.putAll(cluster);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(c);
    }

    /**
     * 1단계(보강): 클릭을 읽어 페이지의 카테고리를 붙여 보강 토픽에 씁니다.
     *
     * @return 보강한 클릭 수
     */
    public int enrichOnce(Duration pollTimeout) {
        ConsumerRecords<String, String> clicks = clickReader.poll(pollTimeout);
        for (ConsumerRecord<String, String> click : clicks) {
            String category = PageCatalog.categoryOf(click.value());
            // 클릭 자신의 시각(이벤트 시간)을 그대로 둡니다: 집계는 이 단계가 언제 돌았는지가 아니라
            // 사용자가 언제 클릭했는지로 셉니다.
            producer.send(new ProducerRecord<>(topics.enriched(), null, click.timestamp(), category,
                    click.key() + " " + click.value()));
        }
        if (!clicks.isEmpty()) {
            producer.flush();
            clickReader.commitSync();
        }
        return clicks.count();
    }

    /**
     * 2단계(집계): 보강된 클릭을 카테고리·분(클릭 시각 기준) 별로 세고, 바뀐 집계를 집계 토픽에 씁니다.
     *
     * @return 집계한 클릭 수
     */
    public int aggregateOnce(Duration pollTimeout) {
        ConsumerRecords<String, String> enriched = enrichedReader.poll(pollTimeout);
        Set<String> changed = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> click : enriched) {
            String window = windowKey(click.key(), click.timestamp());
            counts.merge(window, 1L, Long::sum);
            changed.add(window);
        }
        for (String window : changed) {
            producer.send(new ProducerRecord<>(topics.perMinute(), window, Long.toString(counts.get(window))));
        }
        if (!enriched.isEmpty()) {
            producer.flush();
            enrichedReader.commitSync();
        }
        return enriched.count();
    }

    /** 주어진 코드: 집계 키, 예) {@code shoes@2026-05-01T10:15:00Z} (그 분의 시작 시각). */
    public static String windowKey(String category, long timestampMs) {
        return category + "@" + Instant.ofEpochMilli(timestampMs - Math.floorMod(timestampMs, MINUTE_MS));
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (clickReader != null) {
            clickReader.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        if (enrichedReader != null) {
            enrichedReader.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
