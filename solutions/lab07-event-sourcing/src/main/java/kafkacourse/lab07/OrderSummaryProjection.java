package kafkacourse.lab07;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * CQRS 의 읽기 쪽: 주문 이벤트를 읽어 주문 요약(조회용 뷰)을 만들고, 요약이 바뀔 때마다 compact 토픽에 발행합니다.
 * 과제 설명: README.ko.md 의 "3. CQRS 읽기 모델", 막히면 HINTS.ko.md#3.
 */
public class OrderSummaryProjection implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final String viewTopic;
    private final Map<String, OrderSummary> view = new HashMap<>();

    public OrderSummaryProjection(Properties cluster, String eventsTopic, String viewTopic, String groupId) {
        this.viewTopic = viewTopic;
        Properties c = new Properties();
        c.putAll(cluster);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // 새 프로젝션은 "지금"이 아니라 처음 기록된 이벤트부터 화면 데이터를 만듭니다.
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // 오프셋은 화면 데이터 갱신을 쓴 뒤에 커밋합니다(최소 한 번. 같은 갱신을 다시 적용해도 해가 없습니다).
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of(eventsTopic));
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * 한 번 poll 해서 받은 이벤트를 뷰에 반영하고, 바뀐 주문 요약을 뷰 토픽에 발행합니다.
     *
     * @return 처리한 이벤트 수
     */
    public int pollOnce(Duration pollTimeout) {
        ConsumerRecords<String, String> events = consumer.poll(pollTimeout);
        for (ConsumerRecord<String, String> record : events) {
            OrderEvent event = OrderEvent.parse(record.key(), record.value());
            OrderSummary summary = view.getOrDefault(event.orderId(), OrderSummary.empty(event.orderId())).apply(event);
            view.put(event.orderId(), summary);
            // 주문 ID 가 키입니다: 압축(compaction)이 주문마다 가장 최근 요약을 남깁니다.
            producer.send(new ProducerRecord<>(viewTopic, event.orderId(), summary.toValue()), (metadata, e) -> {
                if (e != null) {
                    System.err.println("뷰 갱신 실패: " + e);
                }
            });
        }
        if (!events.isEmpty()) {
            producer.flush();
            consumer.commitSync();
        }
        return events.count();
    }

    /** 지금까지 만든 뷰 (주문 ID → 요약) (주어진 코드). */
    public Map<String, OrderSummary> view() {
        return Map.copyOf(view);
    }

    /**
     * 조회 쪽: 뷰 토픽(compact)을 처음부터 끝까지 읽어, 주문마다 마지막 요약을 돌려줍니다. 이벤트는 읽지 않습니다.
     */
    public static Map<String, OrderSummary> readView(Properties cluster, String viewTopic) {
        Properties c = new Properties();
        c.putAll(cluster);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, OrderSummary> latest = new HashMap<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = reader.partitionsFor(viewTopic, LIMIT).stream()
                    .map(info -> new TopicPartition(viewTopic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, LIMIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> reader.position(tp, LIMIT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("뷰 토픽을 " + LIMIT.toSeconds() + "초 안에 끝까지 읽지 못했습니다");
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key()); // 툼스톤: 그 주문은 화면에서 빠졌습니다
                    } else {
                        latest.put(record.key(), OrderSummary.parse(record.key(), record.value()));
                    }
                }
            }
        }
        return latest;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
