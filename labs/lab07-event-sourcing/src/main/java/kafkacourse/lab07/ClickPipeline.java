package kafkacourse.lab07;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;

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
        // TODO 4-1: topics 를 필드에 담고, newConsumer(cluster, groupPrefix + "-enricher") 로 clicks 를,
        //           newConsumer(cluster, groupPrefix + "-aggregator") 로 enriched 를 구독하세요.
        //           두 단계가 함께 쓸 프로듀서(acks=all, max.block.ms=10000)도 만드세요.
        throw new UnsupportedOperationException("TODO 4-1: ClickPipeline 생성자에서 컨슈머 둘과 프로듀서를 만드세요.");
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
        // TODO 4-2: clickReader 로 poll 한 클릭마다 PageCatalog.categoryOf(페이지) 로 카테고리를 찾아,
        //           키 = 카테고리, 값 = "사용자 페이지", 타임스탬프 = 클릭의 타임스탬프(이벤트 시간) 로 enriched 에 보내세요.
        //           받은 것이 있으면 flush 후 commitSync, 받은 클릭 수를 돌려주세요.
        throw new UnsupportedOperationException("TODO 4-2: enrichOnce 에서 클릭에 카테고리를 붙여 보내세요.");
    }

    /**
     * 2단계(집계): 보강된 클릭을 카테고리·분(클릭 시각 기준) 별로 세고, 바뀐 집계를 집계 토픽에 씁니다.
     *
     * @return 집계한 클릭 수
     */
    public int aggregateOnce(Duration pollTimeout) {
        // TODO 4-3: enrichedReader 로 poll 한 레코드마다 windowKey(키=카테고리, 레코드 타임스탬프) 의 개수를 counts 에서 1 늘리고,
        //           이번에 바뀐 창(window)마다 (창 키, 개수 문자열) 을 perMinute 에 보내세요. flush 후 commitSync, 받은 수를 돌려주세요.
        throw new UnsupportedOperationException("TODO 4-3: aggregateOnce 에서 카테고리·분 별로 세어 보내세요.");
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
