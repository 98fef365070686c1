package kafkacourse.lab02;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Which partition a keyed record goes to, computed the way Kafka's default partitioner does.
 * 과제 설명: README.ko.md 의 "1. 키로 파티션 계산하기", 막히면 HINTS.ko.md#1.
 */
public final class KeyPartitioning {

    private KeyPartitioning() {
    }

    /** TODO 1: the partition the default partitioner picks for {@code key} in a topic of {@code numPartitions}. */
    public static int partitionFor(String key, int numPartitions) {
        // The producer hashes the serialized key (StringSerializer = UTF-8 bytes), not the Java object.
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        // murmur2 may be negative; toPositive clears the sign bit (not Math.abs, which differs for negatives).
        return Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions;
    }
}
