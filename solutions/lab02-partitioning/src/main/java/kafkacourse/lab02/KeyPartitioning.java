package kafkacourse.lab02;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * 키가 있는 레코드가 어느 파티션으로 가는지를 Kafka 기본 파티셔너와 같은 방법으로 계산합니다.
 * 과제 설명: README.ko.md 의 "1. 키로 파티션 계산하기", 막히면 HINTS.ko.md#1.
 */
public final class KeyPartitioning {

    private KeyPartitioning() {
    }

    /** 과제 1: 파티션이 {@code numPartitions} 개인 토픽에서 기본 파티셔너가 {@code key} 에 고르는 파티션. */
    public static int partitionFor(String key, int numPartitions) {
        // 프로듀서는 자바 객체가 아니라 직렬화된 키(StringSerializer = UTF-8 바이트)를 해시합니다.
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        // murmur2 는 음수일 수 있습니다. toPositive 는 부호 비트를 지웁니다(음수에서 결과가 다른 Math.abs 가 아닙니다).
        return Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions;
    }
}
