package kafkacourse.lab02;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * 직접 만든 파티셔너. VIP 고객은 파티션 0을 따로 쓰고(컨슈머가 먼저 읽을 수 있게), 나머지 고객은 파티션 1..n-1 에
 * 해시로 나눕니다. 과제 설명: README.ko.md 의 "4. VIP 고객 전용 파티션", 막히면 HINTS.ko.md#4.
 */
public class VipPartitioner implements Partitioner {

    /** VIP 고객 ID 를 쉼표로 이어 적는 프로듀서 설정. 예: {@code "cust-1,cust-7"}. */
    public static final String VIP_CUSTOMERS_CONFIG = "vip.customers";

    private Set<String> vipCustomers = Set.of();

    /** 과제 4-1: 프로듀서 설정에서 VIP 고객 ID 를 읽습니다. */
    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(VIP_CUSTOMERS_CONFIG);
        vipCustomers = value == null ? Set.of() : Arrays.stream(value.toString().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** 과제 4-2: VIP 키 → 파티션 0, 그 밖의 키 → 파티션 1..n-1 에 murmur2. */
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int numPartitions = cluster.partitionCountForTopic(topic);
        if (key == null || keyBytes == null) {
            throw new IllegalArgumentException("VipPartitioner 는 키로 고객 ID 가 필요합니다");
        }
        if (vipCustomers.contains(key.toString()) || numPartitions == 1) {
            return 0;
        }
        return 1 + Utils.toPositive(Utils.murmur2(keyBytes)) % (numPartitions - 1);
    }

    @Override
    public void close() {
    }
}
