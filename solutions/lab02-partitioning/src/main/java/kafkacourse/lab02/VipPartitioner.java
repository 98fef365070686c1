package kafkacourse.lab02;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * A custom partitioner: VIP customers get partition 0 for themselves (a consumer can read it first), everyone else
 * is hashed over partitions 1..n-1. 과제 설명: README.ko.md 의 "4. VIP 고객 전용 파티션", 막히면 HINTS.ko.md#4.
 */
public class VipPartitioner implements Partitioner {

    /** Producer setting with the VIP customer ids, comma-separated, e.g. {@code "cust-1,cust-7"}. */
    public static final String VIP_CUSTOMERS_CONFIG = "vip.customers";

    private Set<String> vipCustomers = Set.of();

    /** TODO 4-1: read the VIP customer ids from the producer's settings. */
    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(VIP_CUSTOMERS_CONFIG);
        vipCustomers = value == null ? Set.of() : Arrays.stream(value.toString().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** TODO 4-2: VIP key → partition 0; any other key → murmur2 over partitions 1..n-1. */
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int numPartitions = cluster.partitionCountForTopic(topic);
        if (key == null || keyBytes == null) {
            throw new IllegalArgumentException("VipPartitioner needs a customer id as the key");
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
