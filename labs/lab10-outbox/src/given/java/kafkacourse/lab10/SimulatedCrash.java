package kafkacourse.lab10;

/**
 * 프로세스가 그 자리에서 죽었다(주어진 코드). {@link Error} 라서 보통의 오류 처리({@code catch (Exception e)})에 걸리지
 * 않습니다: kill -9 처럼 아무도 뒷정리(커밋, 재시도)를 하지 못합니다. 죽은 구성 요소는 {@code crash()} 로 버리고
 * 새 객체(새 DB 연결, 새 프로듀서·컨슈머)로 "다시 시작"합니다.
 */
public final class SimulatedCrash extends Error {

    public SimulatedCrash(String site) {
        super("장애 흉내: '" + site + "' 에서 프로세스가 죽었습니다");
    }
}
