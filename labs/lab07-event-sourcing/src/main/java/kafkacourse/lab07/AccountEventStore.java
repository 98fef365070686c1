package kafkacourse.lab07;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * 계좌 이벤트를 토픽에 쌓고(이벤트 저장소), 이벤트를 처음부터 다시 재생해 현재 상태를 만듭니다(이벤트 소싱).
 * 과제 설명: README.ko.md 의 "1. 이벤트 저장", "2. 재생으로 상태 복원", 막히면 HINTS.ko.md#1, #2.
 */
public class AccountEventStore implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private final Properties cluster;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    public AccountEventStore(Properties cluster, String topic) {
        // TODO 1-1: cluster 와 topic 을 필드에 담고, cluster 설정을 복사해 KafkaProducer<String, String> 를 만드세요.
        //           이벤트 저장소는 이벤트를 잃거나 두 번 쓰면 안 됩니다: acks=all, enable.idempotence=true, max.block.ms=10000.
        throw new UnsupportedOperationException("TODO 1-1: AccountEventStore 생성자에서 KafkaProducer 를 만드세요.");
    }

    /**
     * 이벤트 하나를 저장하고, 브로커가 기록한 위치를 돌려줍니다.
     */
    public RecordMetadata append(AccountEvent event) {
        // TODO 1-2: 키 = event.accountId(), 값 = event.toValue() 로 보내고, 브로커의 확인(RecordMetadata)을 LIMIT 안에 기다려 돌려주세요.
        //           키가 같으면 같은 파티션 → 한 계좌의 이벤트 순서가 보장됩니다. 값에는 계좌 ID 가 없으니 키가 유일한 연결 고리입니다.
        throw new UnsupportedOperationException("TODO 1-2: append 에서 계좌 ID 를 키로 이벤트를 저장하세요.");
    }

    /**
     * 계좌의 이벤트를 토픽의 맨 처음(오프셋 0)부터 지금 끝까지 재생해 현재 상태를 만듭니다.
     */
    public Account load(String accountId) {
        // TODO 2-1: newReader() 로 컨슈머를 만들고, 토픽의 모든 파티션을 assign → seekToBeginning 하세요.
        //           "지금 끝" = 시작할 때의 endOffsets(...). 모든 파티션의 position 이 끝에 닿을 때까지 poll 하며,
        //           키가 accountId 인 레코드만 Account.empty(accountId) 에서 시작해 apply 하세요. (LIMIT 안에 못 끝내면 예외)
        throw new UnsupportedOperationException("TODO 2-1: load 에서 이벤트를 오프셋 0부터 재생하세요.");
    }

    /**
     * {@link #load} 와 같이 재생하고, 그 상태와 "다음에 읽을 위치"를 스냅샷으로 돌려줍니다.
     */
    public AccountSnapshot snapshot(String accountId) {
        // TODO 2-2: load 처럼 재생하면서, 마지막으로 적용한 이벤트의 파티션과 (오프셋 + 1)을 기억해 AccountSnapshot 으로 돌려주세요.
        throw new UnsupportedOperationException("TODO 2-2: snapshot 에서 상태와 다음 오프셋을 함께 돌려주세요.");
    }

    /**
     * 스냅샷에서 시작해, 스냅샷 이후에 저장된 이벤트만 재생합니다.
     */
    public Account loadFrom(AccountSnapshot snapshot) {
        // TODO 2-3: snapshot.partition() 하나만 assign 하고 snapshot.nextOffset() 으로 seek 한 뒤, 끝까지 읽으며
        //           snapshot.account() 에 이후 이벤트만 apply 하세요. 처음부터 다시 적용하면 이벤트가 두 번 반영됩니다.
        throw new UnsupportedOperationException("TODO 2-3: loadFrom 에서 스냅샷 이후 이벤트만 재생하세요.");
    }

    /** 주어진 코드: 컨슈머 그룹 없이 읽는 컨슈머 (assign + seek 로 쓰고, 아무것도 커밋하지 않습니다). */
    private KafkaConsumer<String, String> newReader() {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
