package kafkacourse.lab08;

/** 작업자가 한 건을 처리한 결과(주어진 코드). */
public enum Outcome {
    /** 처리 끝: 다시 오면 안 됩니다. */
    DONE,
    /** 잠깐 실패(예: 메일 서버 응답 없음): 다시 배달되어야 합니다. */
    RETRY,
    /** 처리할 수 없는 메시지(독 메시지): 버립니다. 다시 오면 안 됩니다. */
    POISON
}
