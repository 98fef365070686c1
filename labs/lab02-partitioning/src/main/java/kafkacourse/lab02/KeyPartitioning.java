package kafkacourse.lab02;

/**
 * 키가 있는 레코드가 어느 파티션으로 가는지, Kafka 기본 파티셔너와 똑같은 방법으로 계산합니다.
 * 과제 설명: README.ko.md 의 "1. 키로 파티션 계산하기", 막히면 HINTS.ko.md#1.
 */
public final class KeyPartitioning {

    private KeyPartitioning() {
    }

    /** 파티션이 {@code numPartitions} 개인 토픽에서 기본 파티셔너가 {@code key} 에 고르는 파티션 번호. */
    public static int partitionFor(String key, int numPartitions) {
        // TODO 1: 프로듀서가 실제로 하는 일을 그대로 따라 하세요.
        //         (1) 키를 직렬화한 바이트(StringSerializer 는 UTF-8)를 만들고,
        //         (2) 그 바이트의 murmur2 해시를 구해 양수로 만든 뒤 (org.apache.kafka.common.utils.Utils 참고),
        //         (3) 파티션 수로 나눈 나머지를 돌려주세요. key.hashCode() 는 프로듀서가 쓰는 해시가 아닙니다.
        throw new UnsupportedOperationException("TODO 1: partitionFor 에서 키 바이트의 murmur2 해시로 파티션 번호를 계산하세요.");
    }
}
