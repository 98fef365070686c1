package kafkacourse.lab02;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;

/**
 * 토픽의 파티션을 늘리면 무슨 일이 생기는지: 예전 레코드는 제자리에 있고, 같은 키의 새 레코드는 다른 곳으로 갈 수
 * 있습니다. 과제 설명: README.ko.md 의 "5. 파티션을 늘리면", 막히면 HINTS.ko.md#5.
 */
public final class PartitionGrowth {

    private PartitionGrowth() {
    }

    /** 과제 5-1: {@code topic} 의 파티션을 모두 {@code totalPartitions} 개로 늘립니다 ("이만큼 더"가 아니라 전체 개수). */
    public static void increasePartitions(Admin admin, String topic, int totalPartitions) {
        try {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("파티션을 늘리다가 중단되었습니다", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(topic + " 의 파티션을 " + totalPartitions + "개로 늘리지 못했습니다", e);
        }
    }

    /** 과제 5-2: {@code after} 에서의 파티션이 {@code before} 와 다른 키들. */
    public static Set<String> movedKeys(Map<String, Integer> before, Map<String, Integer> after) {
        return before.entrySet().stream()
                .filter(e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
