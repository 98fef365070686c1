package kafkacourse.lab08;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Kafka 의 작업 큐: 공유 그룹(share group, KIP-932)의 작업자 하나. 파티션이 하나뿐이어도 그룹의 모든 작업자가 레코드를
 * 나눠 받고, 레코드마다 수락(ACCEPT)·다시 배달(RELEASE)·거절(REJECT)을 알립니다.
 * 과제 설명: README.ko.md 의 "2.", "3.", 막히면 HINTS.ko.md#2, #3.
 */
public final class KafkaShareWorker implements AutoCloseable {

    private final KafkaShareConsumer<String, String> consumer;

    public KafkaShareWorker(Properties cluster, String topic, String group) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // 레코드마다 acknowledge(record, 결과) 로 알립니다 (implicit 이면 poll 할 때 모두 수락한 것으로 칩니다).
        p.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        // 한 번에 조금씩: 작업자 하나가 파티션의 레코드를 한꺼번에 잠가 가져가면 다른 작업자는 놉니다.
        p.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5");
        consumer = new KafkaShareConsumer<>(p);
        consumer.subscribe(List.of(topic));
    }

    /**
     * 새 공유 그룹이 토픽의 처음부터 읽도록 그룹 설정 {@code share.auto.offset.reset=earliest} 를 둡니다
     * (기본값 latest: 그룹이 생기기 전에 쓰인 레코드는 건너뜁니다). 작업자가 그룹에 들기 전에 부릅니다.
     */
    public static void readFromStart(Admin admin, String group) throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get(15, TimeUnit.SECONDS);
    }

    /**
     * 한 번 poll 해서 받은 레코드를 handler 로 처리하고, 결과를 레코드마다 알린 뒤 커밋합니다.
     *
     * @return 이번에 받은 레코드 수
     */
    public int pollOnce(Duration timeout, OrderHandler handler) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        for (ConsumerRecord<String, String> r : records) {
            // deliveryCount: 이 레코드가 몇 번째로 배달되었는지 (공유 그룹의 레코드에만 있습니다).
            int count = r.deliveryCount().map(Short::intValue).orElse(1);
            Outcome outcome = handler.handle(new Delivery(new OrderEvent(r.key(), r.value()), count));
            consumer.acknowledge(r, switch (outcome) {
                case DONE -> AcknowledgeType.ACCEPT;   // 끝: 다시 오지 않습니다
                case RETRY -> AcknowledgeType.RELEASE; // 잠금을 풀어 다시 배달 (배달 횟수 +1)
                case POISON -> AcknowledgeType.REJECT; // 버림: 다시 오지 않습니다
            });
        }
        if (!records.isEmpty()) {
            consumer.commitSync(Duration.ofSeconds(10));
        }
        return records.count();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
