package kafkacourse.kit.bench;

/** One row of the producer bench: what was measured for one producer on one run. */
public record BenchResult(String name, long records, double recordsPerSecond, double megabytesPerSecond, double p50Millis, double p99Millis) {
}
