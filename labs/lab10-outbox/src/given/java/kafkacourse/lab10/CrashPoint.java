package kafkacourse.lab10;

/**
 * 장애를 끼워 넣는 자리(주어진 코드). {@link DbSession} 이 트랜잭션의 경계마다("트랜잭션 시작", "커밋 직전", "커밋 직후")
 * {@link #reached(String)} 를 부르고, 시험(또는 노트북)이 고른 자리에서 {@link SimulatedCrash} 를 던져 프로세스가 그 순간
 * 죽은 것처럼 만듭니다. 여러분의 코드는 이 인터페이스를 부를 필요가 없습니다.
 */
@FunctionalInterface
public interface CrashPoint {

    /** 아무 데서도 죽지 않음. */
    CrashPoint NONE = site -> {
    };

    /**
     * 코드가 한 단계를 막 마친 자리({@code "중계기: 커밋 직후"} 같은 이름)에서 불립니다.
     *
     * @throws SimulatedCrash 이 자리에서 죽기로 정해져 있을 때
     */
    void reached(String site);

    /** {@code site} 에 {@code occurrence} 번째로 왔을 때 한 번 죽는 장애 지점. 예: {@code CrashPoint.at("주문 서비스: 커밋 직후", 1)}. */
    static CrashPoint at(String site, int occurrence) {
        int[] seen = {0};
        return where -> {
            if (where.equals(site) && ++seen[0] == occurrence) {
                throw new SimulatedCrash(where + " #" + occurrence);
            }
        };
    }
}
