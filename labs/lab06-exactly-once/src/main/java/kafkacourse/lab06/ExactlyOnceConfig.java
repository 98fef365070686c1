package kafkacourse.lab06;

import java.util.Properties;

/**
 * 정확히 한 번 처리에 필요한 프로듀서·컨슈머 설정입니다.
 * 과제 설명: README.ko.md 의 "1. 트랜잭션 프로듀서와 read_committed 컨슈머", 막히면 HINTS.ko.md#1.
 */
public final class ExactlyOnceConfig {

    /** 트랜잭션이 끝나지 않고 멈췄을 때 브로커가 스스로 중단(abort)하기까지의 시간. 실습에서는 10초. */
    public static final int TRANSACTION_TIMEOUT_MS = 10_000;

    private ExactlyOnceConfig() {
    }

    /**
     * 트랜잭션 프로듀서 설정. {@code cluster} 에는 bootstrap.servers 가 들어 있습니다.
     */
    public static Properties producerConfig(Properties cluster, String transactionalId) {
        // TODO 1-1: cluster 의 설정을 모두 복사하고, 키/값 직렬화(StringSerializer)를 지정하세요.
        //           transactional.id = transactionalId, enable.idempotence = true, acks = all,
        //           transaction.timeout.ms = TRANSACTION_TIMEOUT_MS, max.block.ms = 10000 (기본 60초는 너무 깁니다).
        throw new UnsupportedOperationException("TODO 1-1: producerConfig 에 transactional.id 와 트랜잭션 설정을 채우세요.");
    }

    /**
     * 트랜잭션으로 쓰인 토픽을 읽는 컨슈머 설정.
     */
    public static Properties consumerConfig(Properties cluster, String groupId) {
        // TODO 1-2: cluster 의 설정을 모두 복사하고, 키/값 역직렬화(StringDeserializer)와 group.id 를 지정하세요.
        //           커밋된 트랜잭션의 레코드만 읽도록 isolation.level 을, 오프셋은 트랜잭션이 커밋하므로 enable.auto.commit 을,
        //           새 그룹이 첫 주문부터 읽도록 auto.offset.reset 을 정하세요. default.api.timeout.ms = 15000 도 권장합니다.
        throw new UnsupportedOperationException("TODO 1-2: consumerConfig 에 isolation.level, 자동 커밋, auto.offset.reset 설정을 채우세요.");
    }
}
