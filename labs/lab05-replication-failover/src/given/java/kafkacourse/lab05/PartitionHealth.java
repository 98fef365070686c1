package kafkacourse.lab05;

/** 파티션 한 개의 상태. 주어진 코드입니다. */
public enum PartitionHealth {

    /** 리더가 있고 모든 복제본이 ISR 에 있다. */
    HEALTHY("정상: 리더가 있고 모든 복제본이 동기화됨"),
    /** 리더가 있고 ISR 이 복제본보다 적지만, 아직 min.insync.replicas 이상이다: acks=all 쓰기가 된다. */
    UNDER_REPLICATED("복제 부족: ISR 이 줄었지만 acks=all 쓰기는 가능"),
    /** 리더가 있지만 ISR 이 min.insync.replicas 보다 적다: acks=all 쓰기가 거부된다. */
    UNDER_MIN_ISR("최소 ISR 미달: acks=all 쓰기가 거부됨"),
    /** 리더가 없다: 읽기도 쓰기도 안 된다. */
    OFFLINE("오프라인: 리더가 없어 읽기도 쓰기도 불가");

    private final String korean;

    PartitionHealth(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }
}
