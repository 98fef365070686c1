package kafkacourse.lab02;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;

/**
 * 토픽의 파티션을 늘리면 어떻게 되는지: 옛 레코드는 제자리에 있고, 같은 키의 새 레코드는 다른 파티션으로 갈 수 있습니다.
 * 과제 설명: README.ko.md 의 "5. 파티션을 늘리면", 막히면 HINTS.ko.md#5.
 */
public final class PartitionGrowth {

    private PartitionGrowth() {
    }

    /** {@code topic} 의 파티션을 모두 {@code totalPartitions} 개가 되도록 늘립니다 ("이만큼 더"가 아니라 "전체 개수"). */
    public static void increasePartitions(Admin admin, String topic, int totalPartitions) {
        // TODO 5-1: admin.createPartitions(...) 에 NewPartitions.increaseTo(totalPartitions) 를 넘기고,
        //           결과의 all() 을 시간 제한을 두고 get(...) 해서 끝날 때까지 기다리세요. 실패하면 예외를 던지세요.
        throw new UnsupportedOperationException("TODO 5-1: increasePartitions 에서 Admin API 로 파티션을 늘리세요.");
    }

    /** {@code before} 와 {@code after} (키 → 파티션) 에 모두 있는 키 가운데 파티션이 달라진 키들. */
    public static Set<String> movedKeys(Map<String, Integer> before, Map<String, Integer> after) {
        // TODO 5-2: before 의 키마다 after 의 파티션과 비교해 달라진 키만 모으세요.
        throw new UnsupportedOperationException("TODO 5-2: movedKeys 에서 파티션이 바뀐 키를 모으세요.");
    }
}
