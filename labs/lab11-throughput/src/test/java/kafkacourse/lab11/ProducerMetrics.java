package kafkacourse.lab11;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the producer measured about itself (group {@code producer-metrics}). These numbers describe the shape of the
 * traffic (records per request, bytes per batch, compression), not the speed of the machine.
 */
record ProducerMetrics(double recordsPerRequest, double batchSizeAvg, double compressionRate, double recordErrors, double recordsSent) {

    static ProducerMetrics of(Map<MetricName, ? extends Metric> metrics) {
        return new ProducerMetrics(value(metrics, "records-per-request-avg"), value(metrics, "batch-size-avg"),
                value(metrics, "compression-rate-avg"), value(metrics, "record-error-total"), value(metrics, "record-send-total"));
    }

    /** Average batch size before compression, in bytes (batch-size-avg counts compressed bytes). */
    double uncompressedBatchAvg() {
        return compressionRate > 0 ? batchSizeAvg / compressionRate : batchSizeAvg;
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals(name))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("프로듀서 지표 " + name + " 이(가) 없습니다"));
    }

    @Override
    public String toString() {
        return String.format("요청당 레코드 %.1f건, 배치 평균 %.0fB(압축 후) / %.0fB(압축 전), 압축률 %.2f, 오류 %.0f건",
                recordsPerRequest, batchSizeAvg, uncompressedBatchAvg(), compressionRate, recordErrors);
    }
}
