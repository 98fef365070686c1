package kafkacourse.lab06;

/**
 * 처리 인스턴스 하나가 쓰는 이름들 (주어진 코드). {@code transactionalId} 가 같은 두 인스턴스는 "같은 워커"이고,
 * 나중에 뜬 쪽이 먼저 뜬 쪽을 펜싱합니다.
 *
 * @param inputTopic      읽을 주문 토픽
 * @param outputTopic     쓸 결제 토픽
 * @param groupId         주문을 어디까지 처리했는지 오프셋으로 기록하는 컨슈머 그룹
 * @param transactionalId 프로듀서의 transactional.id. 이 워커를 다시 시작해도 바뀌지 않습니다
 */
public record ProcessorSettings(String inputTopic, String outputTopic, String groupId, String transactionalId) {
}
