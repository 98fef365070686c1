package kafkacourse.lab02;

/** {@code count} records in a row (in send order) that went to the same {@code partition} (given). */
public record PartitionRun(int partition, int count) {
}
