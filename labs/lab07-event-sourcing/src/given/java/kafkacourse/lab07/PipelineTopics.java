package kafkacourse.lab07;

/**
 * 클릭 파이프라인의 토픽 세 개 (주어진 코드).
 *
 * @param clicks    원래 클릭: 키 = 사용자 ID, 값 = 페이지, 레코드 타임스탬프 = 사용자가 클릭한 시각
 * @param enriched  분류를 붙인 클릭: 키 = 분류, 값 = {@code userId page}, 타임스탬프는 그대로
 * @param perMinute 분류별·분별 클릭 수: 키 = {@code category@2026-05-01T10:15:00Z}, 값 = 건수
 */
public record PipelineTopics(String clicks, String enriched, String perMinute) {
}
