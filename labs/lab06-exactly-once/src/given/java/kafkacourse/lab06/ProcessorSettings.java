package kafkacourse.lab06;

/**
 * Names one processing instance uses (given). Two instances with the same {@code transactionalId} are "the same
 * worker": the newer one fences the older one.
 *
 * @param inputTopic      orders to read
 * @param outputTopic     payments to write
 * @param groupId         consumer group whose offsets record how far the orders are processed
 * @param transactionalId the producer's transactional.id, stable across restarts of this worker
 */
public record ProcessorSettings(String inputTopic, String outputTopic, String groupId, String transactionalId) {
}
