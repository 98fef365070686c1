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
 * What happens when a topic gets more partitions: old records stay where they are, new records of the same key
 * may go elsewhere. 과제 설명: README.ko.md 의 "5. 파티션을 늘리면", 막히면 HINTS.ko.md#5.
 */
public final class PartitionGrowth {

    private PartitionGrowth() {
    }

    /** TODO 5-1: grow {@code topic} to {@code totalPartitions} partitions (a total, not "add this many"). */
    public static void increasePartitions(Admin admin, String topic, int totalPartitions) {
        try {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding partitions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not grow " + topic + " to " + totalPartitions + " partitions", e);
        }
    }

    /** TODO 5-2: the keys whose partition in {@code after} differs from the one in {@code before}. */
    public static Set<String> movedKeys(Map<String, Integer> before, Map<String, Integer> after) {
        return before.entrySet().stream()
                .filter(e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
