package kafkacourse.lab02;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * 직접 만드는 파티셔너: VIP 고객은 파티션 0 을 혼자 쓰고(컨슈머가 먼저 챙겨 읽을 수 있게), 나머지 고객은 파티션 1..n-1 에
 * 키 해시로 나뉩니다. 과제 설명: README.ko.md 의 "4. VIP 고객 전용 파티션", 막히면 HINTS.ko.md#4.
 */
public class VipPartitioner implements Partitioner {

    /** VIP 고객 ID 목록을 담는 프로듀서 설정 이름. 쉼표로 구분합니다. 예: {@code "cust-1,cust-7"}. */
    public static final String VIP_CUSTOMERS_CONFIG = "vip.customers";

    private Set<String> vipCustomers = Set.of();

    /** 프로듀서가 만들어질 때 프로듀서 설정 전체를 받아 한 번 호출됩니다. */
    @Override
    public void configure(Map<String, ?> configs) {
        // TODO 4-1: configs 에서 VIP_CUSTOMERS_CONFIG 값을 읽어 쉼표로 나누고, 앞뒤 공백을 지운 ID 들을 vipCustomers 에 담으세요.
        //           설정이 없으면 VIP 가 없는 것입니다.
        throw new UnsupportedOperationException("TODO 4-1: configure 에서 vip.customers 설정을 읽어 VIP 고객 목록을 만드세요.");
    }

    /** 레코드마다 호출되어 보낼 파티션 번호를 돌려줍니다. */
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        // TODO 4-2: 파티션 수는 cluster.partitionCountForTopic(topic) 입니다.
        //           VIP 고객이면 0 을, 아니면 키 바이트의 murmur2 해시로 1..n-1 중 하나를 고르세요. 파티션 0 은 VIP 전용입니다.
        throw new UnsupportedOperationException("TODO 4-2: partition 에서 VIP 는 0, 나머지는 1..n-1 로 보내세요.");
    }

    @Override
    public void close() {
    }
}
