package kafkacourse.lab02;

/** 보낸 순서대로 이어서 같은 {@code partition} 으로 간 레코드 {@code count} 건 (주어진 코드). */
public record PartitionRun(int partition, int count) {
}
