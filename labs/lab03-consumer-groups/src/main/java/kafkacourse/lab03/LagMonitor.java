package kafkacourse.lab03;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * 컨슈머 지연(lag): 그룹이 파티션마다 아직 읽지 않은 레코드가 몇 건인지.
 * 과제 설명: README.ko.md 의 "4. 컨슈머 지연(lag)", 막히면 HINTS.ko.md#4.
 */
public final class LagMonitor {

    private LagMonitor() {
    }

    /** 그룹이 커밋한 파티션마다 지연(lag) = 끝 오프셋(latest) − 커밋된 오프셋. */
    public static Map<TopicPartition, Long> lagOf(Admin admin, String groupId) {
        // TODO 4: (1) admin.listConsumerGroupOffsets(groupId) 로 파티션별 커밋된 오프셋을 구하고 (값이 null 인 항목은 건너뜀),
        //         (2) 그 파티션들의 끝 오프셋을 admin.listOffsets(... OffsetSpec.latest() ...) 로 구해,
        //         (3) 파티션마다 끝 − 커밋 을 담아 돌려주세요. Admin 의 Future 는 시간 제한을 두고 get(...) 하세요.
        throw new UnsupportedOperationException("TODO 4: lagOf 에서 끝 오프셋 − 커밋된 오프셋을 파티션마다 계산하세요.");
    }
}
