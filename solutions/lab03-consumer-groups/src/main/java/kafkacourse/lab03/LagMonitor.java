package kafkacourse.lab03;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * 컨슈머 지연(lag): 그룹이 아직 읽어야 할 레코드 수, 파티션별.
 * 과제 설명: README.ko.md 의 "4. 컨슈머 지연(lag)", 막히면 HINTS.ko.md#4.
 */
public final class LagMonitor {

    private LagMonitor() {
    }

    /** 과제 4: 지연 = 끝 오프셋(latest) − 커밋된 오프셋. 그룹이 커밋한 모든 파티션에 대해. */
    public static Map<TopicPartition, Long> lagOf(Admin admin, String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.forEach((tp, om) -> {
                if (om != null) {
                    latest.put(tp, OffsetSpec.latest());
                }
            });
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, Long> lag = new HashMap<>();
            latest.keySet().forEach(tp -> lag.put(tp, end.get(tp).offset() - committed.get(tp).offset()));
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(groupId + " 의 지연을 계산하다가 중단되었습니다", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(groupId + " 의 지연을 계산하지 못했습니다", e);
        }
    }
}
