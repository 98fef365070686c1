package kafkacourse.lab08;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;

/**
 * Kafka 의 작업 큐: 공유 그룹(share group, KIP-932)의 작업자 하나. 파티션이 하나뿐이어도 그룹의 모든 작업자가 레코드를
 * 나눠 받고, 레코드마다 수락(ACCEPT)·다시 배달(RELEASE)·거절(REJECT)을 알립니다.
 * 과제 설명: README.ko.md 의 "2.", "3.", 막히면 HINTS.ko.md#2, #3.
 */
public final class KafkaShareWorker implements AutoCloseable {

    private KafkaShareConsumer<String, String> consumer;

    public KafkaShareWorker(Properties cluster, String topic, String group) {
        // TODO 2-1: cluster 설정을 복사해 group.id = group, 키·값 StringDeserializer 를 넣고,
        //           레코드마다 결과를 직접 알리도록 share.acknowledgement.mode = explicit,
        //           한 작업자가 한꺼번에 다 가져가지 않도록 share.acquire.mode = record_limit 와 작은 max.poll.records 를 두세요.
        //           그 설정으로 KafkaShareConsumer 를 만들어 필드에 담고 topic 을 구독(subscribe)하세요.
        throw new UnsupportedOperationException("TODO 2-1: KafkaShareWorker 생성자에서 공유 그룹 컨슈머를 만들고 구독하세요.");
    }

    /**
     * 새 공유 그룹이 토픽의 처음부터 읽도록 그룹 설정 {@code share.auto.offset.reset=earliest} 를 둡니다
     * (기본값 latest: 그룹이 생기기 전에 쓰인 레코드는 건너뜁니다). 작업자가 그룹에 들기 전에 부릅니다.
     */
    public static void readFromStart(Admin admin, String group) throws ExecutionException, InterruptedException, TimeoutException {
        // TODO 2-2: admin.incrementalAlterConfigs 로 ConfigResource.Type.GROUP 자원(group)에
        //           share.auto.offset.reset = earliest 를 SET 하세요. 결과 future 는 시간 제한을 두고 기다립니다.
        throw new UnsupportedOperationException("TODO 2-2: KafkaShareWorker.readFromStart 에서 공유 그룹 설정 share.auto.offset.reset 을 바꾸세요.");
    }

    /**
     * 한 번 poll 해서 받은 레코드를 handler 로 처리하고, 결과를 레코드마다 알린 뒤 커밋합니다.
     *
     * @return 이번에 받은 레코드 수
     */
    public int pollOnce(Duration timeout, OrderHandler handler) {
        // TODO 2-3: consumer.poll(timeout) 으로 레코드를 받고, 레코드마다
        //           handler.handle(new Delivery(new OrderEvent(키, 값), 배달 횟수)) 를 부르세요.
        //           배달 횟수는 record.deliveryCount() (Optional<Short>, 없으면 1).
        // TODO 3:   결과에 따라 consumer.acknowledge(record, AcknowledgeType.…) 로 알리세요:
        //           DONE → ACCEPT, RETRY → RELEASE (다시 배달), POISON → REJECT (버림).
        //           받은 것이 있으면 마지막에 consumer.commitSync(시간 제한) 으로 알린 결과를 브로커에 보내고, 받은 수를 돌려주세요.
        throw new UnsupportedOperationException("TODO 2-3: KafkaShareWorker.pollOnce 에서 poll → 처리 → acknowledge → commitSync 를 구현하세요.");
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
