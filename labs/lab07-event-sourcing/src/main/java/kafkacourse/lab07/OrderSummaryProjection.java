package kafkacourse.lab07;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

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
        // TODO 3-1: viewTopic 을 필드에 담고, 컨슈머(group.id = groupId, 새 그룹은 처음 이벤트부터, 자동 커밋 끔)를 만들어
        //           eventsTopic 을 구독하세요. 뷰를 발행할 프로듀서(acks=all, max.block.ms=10000)도 만드세요.
        throw new UnsupportedOperationException("TODO 3-1: OrderSummaryProjection 생성자에서 컨슈머와 프로듀서를 만드세요.");
    }

    /**
     * 한 번 poll 해서 받은 이벤트를 뷰에 반영하고, 바뀐 주문 요약을 뷰 토픽에 발행합니다.
     *
     * @return 처리한 이벤트 수
     */
    public int pollOnce(Duration pollTimeout) {
        // TODO 3-2: 이벤트마다 OrderEvent.parse(키, 값) → view 의 요약(없으면 OrderSummary.empty)에 apply → view 에 저장 →
        //           (키 = 주문 ID, 값 = summary.toValue()) 를 viewTopic 에 보내세요.
        //           받은 것이 있으면 flush 한 뒤 commitSync: 뷰를 발행한 다음에 읽은 위치를 커밋합니다.
        throw new UnsupportedOperationException("TODO 3-2: pollOnce 에서 이벤트를 뷰에 반영하고 요약을 발행하세요.");
    }

    /** 지금까지 만든 뷰 (주문 ID → 요약) (주어진 코드). */
    public Map<String, OrderSummary> view() {
        return Map.copyOf(view);
    }

    /**
     * 조회 쪽: 뷰 토픽(compact)을 처음부터 끝까지 읽어, 주문마다 마지막 요약을 돌려줍니다. 이벤트는 읽지 않습니다.
     */
    public static Map<String, OrderSummary> readView(Properties cluster, String viewTopic) {
        // TODO 3-3: 그룹 없는 컨슈머로 viewTopic 의 모든 파티션을 assign → seekToBeginning, 시작할 때의 endOffsets 까지 읽으며
        //           키마다 마지막 값을 OrderSummary.parse 로 남기세요. 값이 null(툼스톤)이면 그 키를 지웁니다.
        throw new UnsupportedOperationException("TODO 3-3: readView 에서 뷰 토픽을 읽어 주문마다 마지막 요약을 돌려주세요.");
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
