package kafkacourse.lab07;

/**
 * 저장해 둔 계좌 상태와, 그 상태를 이벤트 로그의 어디에서 찍었는지 (주어진 코드: 여기서 할 일은 없습니다).
 * 스냅샷에서 불러올 때는 그 뒤에 저장된 이벤트만 적용합니다.
 *
 * @param account    {@code nextOffset} 앞의 모든 이벤트를 적용한 상태
 * @param partition  이 계좌의 이벤트가 있는 파티션
 * @param nextOffset {@code account} 에 아직 들어 있지 않은 첫 이벤트의 오프셋
 */
public record AccountSnapshot(Account account, int partition, long nextOffset) {
}
