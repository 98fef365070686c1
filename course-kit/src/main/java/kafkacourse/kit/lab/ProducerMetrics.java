package kafkacourse.kit.lab;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What a producer measured about itself (metric group {@code producer-metrics}). These numbers describe the shape of
 * the traffic (records per request, bytes per batch, compression), not the speed of the machine, so a test may compare
 * them. Read from the producer object ({@link #of}) or, when learner code keeps its producer to itself, over JMX by
 * client id ({@link #ofClient}), as monitoring tools see it; both give the same values.
 */
public record ProducerMetrics(double recordsPerRequest, double batchSizeAvg, double compressionRate, double recordErrors,
                              double recordsSent) {

    /** The metrics of a producer the test holds: {@code ProducerMetrics.of(producer.metrics())}. */
    public static ProducerMetrics of(Map<MetricName, ? extends Metric> metrics) {
        return read(name -> metrics.entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals(name))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .findFirst().orElseThrow(() -> missing(name)));
    }

    /**
     * The metrics of the running producer whose {@code client.id} is {@code clientId}, read over JMX (the producer
     * must still be open). For learner code that creates its own producer: the test sets the client id in the config.
     */
    public static ProducerMetrics ofClient(String clientId) {
        return read(name -> {
            try {
                Object value = ManagementFactory.getPlatformMBeanServer()
                        .getAttribute(new ObjectName("kafka.producer:type=producer-metrics,client-id=" + jmxValue(clientId)), name);
                return ((Number) value).doubleValue();
            } catch (JMException | ClassCastException e) {
                throw new AssertionError("프로듀서 " + clientId + " 의 지표 " + name + " 을(를) JMX 로 읽을 수 없습니다."
                        + " 프로듀서가 아직 열려 있고 client.id 가 " + clientId + " 인지 확인하세요 (" + e.getMessage() + ")");
            }
        });
    }

    /** How Kafka's JMX reporter writes a client id into an MBean name: as it is, or quoted when it has special characters. */
    private static String jmxValue(String clientId) {
        return clientId.matches("[\\w-%. \t]*") ? clientId : ObjectName.quote(clientId);
    }

    private static ProducerMetrics read(ToDoubleFunction<String> metric) {
        return new ProducerMetrics(metric.applyAsDouble("records-per-request-avg"), metric.applyAsDouble("batch-size-avg"),
                metric.applyAsDouble("compression-rate-avg"), metric.applyAsDouble("record-error-total"),
                metric.applyAsDouble("record-send-total"));
    }

    private static AssertionError missing(String name) {
        return new AssertionError("프로듀서 지표 " + name + " 이(가) 없습니다");
    }

    /** Average batch size before compression, in bytes (batch-size-avg counts compressed bytes). */
    public double uncompressedBatchAvg() {
        return compressionRate > 0 ? batchSizeAvg / compressionRate : batchSizeAvg;
    }

    @Override
    public String toString() {
        return String.format("요청당 레코드 %.1f건, 배치 평균 %.0fB(압축 후) / %.0fB(압축 전), 압축률 %.2f, 오류 %.0f건",
                recordsPerRequest, batchSizeAvg, uncompressedBatchAvg(), compressionRate, recordErrors);
    }
}
