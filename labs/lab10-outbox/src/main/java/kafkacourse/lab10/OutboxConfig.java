package kafkacourse.lab10;

import java.util.Properties;

/**
 * 중계기의 프로듀서와 이력 서비스의 컨슈머 설정입니다.
 * 과제 설명: README.ko.md 의 "2." 와 "3.", 막히면 HINTS.ko.md#2, #3.
 */
public final class OutboxConfig {

    private OutboxConfig() {
    }

    /** 중계기의 프로듀서: 멱등, acks=all, 응답이 없으면 몇 초 안에 실패. */
    public static Properties relayProducer(Properties cluster) {
        // TODO 2-1: cluster 의 설정을 모두 복사하고, 키/값 직렬화(StringSerializer)를 지정하세요.
        //           enable.idempotence = true, acks = all (ack 는 "모든 ISR 에 기록됨"이어야 '보냄' 표시를 할 수 있습니다).
        //           Kafka 가 응답하지 않을 때 1분씩 멈추지 않도록 max.block.ms = 5000, request.timeout.ms = 5000,
        //           delivery.timeout.ms = 10000.
        throw new UnsupportedOperationException("TODO 2-1: relayProducer 에 멱등 프로듀서 설정을 채우세요.");
    }

    /** 이력 서비스의 컨슈머: 오프셋은 DB 트랜잭션이 끝난 뒤 직접 커밋, 새 그룹은 처음부터. */
    public static Properties eventConsumer(Properties cluster, String groupId) {
        // TODO 3-1: cluster 의 설정을 모두 복사하고, 키/값 역직렬화(StringDeserializer)와 group.id 를 지정하세요.
        //           오프셋은 DB 트랜잭션이 끝난 뒤 직접 커밋하므로 enable.auto.commit 을, 새 그룹이 첫 이벤트부터 읽도록
        //           auto.offset.reset 을 정하세요. default.api.timeout.ms = 15000 도 권장합니다.
        throw new UnsupportedOperationException("TODO 3-1: eventConsumer 에 자동 커밋과 auto.offset.reset 설정을 채우세요.");
    }
}
