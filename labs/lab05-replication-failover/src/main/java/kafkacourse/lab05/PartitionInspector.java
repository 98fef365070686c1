package kafkacourse.lab05;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;

/**
 * 운영자가 묻는 질문에 답합니다: 이 파티션의 리더는 누구인가, 누가 동기화되어 있나, 건강한가, 컨트롤러는 누구인가.
 * 과제 설명: README.ko.md 의 "1. 리더와 ISR 찾기", "3. ISR 회복 기다리기", "4. 파티션 상태 판정", "5. 컨트롤러 찾기",
 * 막히면 HINTS.ko.md#1, #3, #4, #5. Admin 요청의 Future 는 언제나 제한 시간을 두고 get(10, SECONDS) 하세요.
 */
public class PartitionInspector {

    private final Admin admin;

    public PartitionInspector(Admin admin) {
        this.admin = admin;
    }

    /** 파티션의 현재 리더 브로커 번호. 리더가 없으면 -1. */
    public int leaderOf(String topic, int partition) {
        // TODO 1-1: admin.describeTopics(...) 로 TopicDescription 을 얻고, 해당 파티션의 TopicPartitionInfo.leader() 를 보세요.
        //           리더가 없으면 leader() 가 null 이거나 빈 노드(isEmpty())입니다 → -1.
        //           replicas().get(0) 은 "선호 리더"일 뿐, 현재 리더가 아닙니다!
        throw new UnsupportedOperationException("TODO 1-1: leaderOf 에서 현재 리더를 찾으세요.");
    }

    /** 파티션의 ISR(동기화된 복제본) 브로커 번호 목록. */
    public List<Integer> isrOf(String topic, int partition) {
        // TODO 1-2: TopicPartitionInfo.isr() 의 Node 들을 id 목록으로 바꾸세요.
        throw new UnsupportedOperationException("TODO 1-2: isrOf 에서 ISR 을 찾으세요.");
    }

    /**
     * 모든 복제본이 ISR 에 돌아올 때까지 기다렸다가 그때의 ISR 을 돌려줍니다. {@code atMost} 가 지나면 예외를 던집니다.
     */
    public List<Integer> awaitFullIsr(String topic, int partition, Duration atMost) {
        // TODO 3: 마감 시각을 정하고, ISR 크기가 replicas 크기와 같아질 때까지 짧게(예: 200ms) 쉬며 다시 조회하세요.
        //         같아지면 그 ISR 을 돌려주고, 마감이 지나면 IllegalStateException 을 던지세요. 끝없이 기다리면 안 됩니다.
        throw new UnsupportedOperationException("TODO 3: awaitFullIsr 에서 ISR 이 다시 찰 때까지 기다리세요.");
    }

    /** 파티션 상태: 리더 유무, ISR 크기, 토픽의 min.insync.replicas 로 판정합니다. */
    public PartitionHealth health(String topic, int partition) {
        // TODO 4: 순서대로 판정하세요.
        //   1. 리더가 없으면 OFFLINE
        //   2. ISR 크기 < 토픽의 min.insync.replicas 이면 UNDER_MIN_ISR
        //      (admin.describeConfigs 에 ConfigResource(TOPIC, topic) 을 주고 "min.insync.replicas" 값을 읽으세요)
        //   3. ISR 크기 < 복제본 수이면 UNDER_REPLICATED
        //   4. 아니면 HEALTHY
        throw new UnsupportedOperationException("TODO 4: health 에서 파티션 상태를 판정하세요.");
    }

    /** 지금 활성 KRaft 컨트롤러(메타데이터 쿼럼의 리더)인 노드 번호. */
    public int activeController() {
        // TODO 5: admin.describeMetadataQuorum().quorumInfo() 의 leaderId() 를 돌려주세요.
        //         주의: KRaft 에서 describeCluster().controller() 는 쿼럼 리더가 아니라 아무 브로커나 돌려줍니다.
        throw new UnsupportedOperationException("TODO 5: activeController 에서 쿼럼 리더를 찾으세요.");
    }
}
