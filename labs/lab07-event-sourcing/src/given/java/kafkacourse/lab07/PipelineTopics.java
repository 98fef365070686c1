package kafkacourse.lab07;

/**
 * The three topics of the click pipeline (given).
 *
 * @param clicks    raw clicks: key = user id, value = page, record timestamp = when the user clicked
 * @param enriched  clicks with their category: key = category, value = {@code userId page}, same timestamp
 * @param perMinute clicks per category and minute: key = {@code category@2026-05-01T10:15:00Z}, value = count
 */
public record PipelineTopics(String clicks, String enriched, String perMinute) {
}
