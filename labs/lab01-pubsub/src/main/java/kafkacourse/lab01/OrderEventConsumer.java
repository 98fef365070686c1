package kafkacourse.lab01;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * 컨슈머 그룹의 한 멤버로서 주문 이벤트를 읽습니다. 원본 문서 5.1의 OrderEventConsumer(@KafkaListener)를 순수 kafka-clients로 옮긴 것입니다.
 * 과제 설명: README.ko.md 의 "2. 구독하고 읽기", "3. 어디서부터 읽을까", 막히면 HINTS.ko.md#2, #3.
 */
public class OrderEventConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public OrderEventConsumer(Properties cluster, String topic, String groupId) {
        // TODO 2-1: consumerConfig(cluster, groupId) 로 KafkaConsumer<String, String> 를 만들고 topic 을 구독(subscribe)하세요.
        throw new UnsupportedOperationException("TODO 2-1: OrderEventConsumer 생성자에서 KafkaConsumer 를 만들고 토픽을 구독하세요.");
    }

    /**
     * 컨슈머 설정: 어느 그룹인지, 키와 값을 어떻게 읽는지, 처음 보는 그룹이 어디서부터 읽기 시작하는지.
     */
    static Properties consumerConfig(Properties cluster, String groupId) {
        // TODO 3: cluster 의 설정을 복사하고 group.id, 키/값 역직렬화(StringDeserializer)를 지정하세요.
        //         그리고 커밋된 오프셋이 없는 새 그룹이 "가장 오래된 메시지부터" 읽도록 auto.offset.reset 을 정하세요.
        throw new UnsupportedOperationException("TODO 3: consumerConfig 에 그룹, 역직렬화, auto.offset.reset 설정을 채우세요.");
    }

    /**
     * 레코드가 {@code count} 개 이상 모이거나 {@code timeout} 이 지날 때까지 poll 하고, 받은 레코드를 모두 돌려줍니다.
     */
    public List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
        // TODO 2-2: 마감 시각을 정해 두고, 그때까지 또는 count 개가 모일 때까지 consumer.poll(...) 결과를 목록에 모으세요.
        throw new UnsupportedOperationException("TODO 2-2: readAtLeast 에서 poll 반복문으로 레코드를 모으세요.");
    }

    /** 그룹을 떠납니다. 자동 커밋이 켜져 있으면 읽은 위치를 먼저 커밋합니다. */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
