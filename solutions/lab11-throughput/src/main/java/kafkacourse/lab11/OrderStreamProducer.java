package kafkacourse.lab11;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * 주문 이벤트를 쉬지 않고 흘려보내는 프로듀서. 한 건마다 답을 기다리면 배치가 생기지 않습니다.
 * 과제 설명: README.ko.md 의 "2. 기다리지 않고 보내고, 실패는 세기", 막히면 HINTS.ko.md#2.
 */
public class OrderStreamProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Function<Order, String> keys;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** 주어진 코드: 넘겨받은 설정(ThroughputConfigs 의 것)으로 프로듀서를 만듭니다. 키는 {@link OrderPartitioning#keyOf(Order)}. */
    public OrderStreamProducer(Properties config, String topic) {
        this(config, topic, OrderPartitioning::keyOf);
    }

    /** 주어진 코드: 키를 정하는 방법을 따로 받는 생성자 (테스트가 과제 2 를 과제 3 과 따로 채점할 때 씁니다). */
    public OrderStreamProducer(Properties config, String topic, Function<Order, String> keys) {
        this.producer = new KafkaProducer<>(config);
        this.topic = topic;
        this.keys = keys;
    }

    /**
     * 이벤트 한 건을 보냅니다. 브로커의 답을 기다리지 않고 바로 돌아오며, 실패는 나중에 {@link #failures()} 로 셉니다.
     * 키는 생성자가 받은 방법(기본: {@link OrderPartitioning#keyOf(Order)})으로 정합니다: {@code keys.apply(order)}.
     */
    public void send(Order order) {
        // 과제 2: 답은 콜백으로 받습니다. send() 뒤에 get() 이나 flush() 를 하면 배치가 한 건짜리가 됩니다.
        producer.send(new ProducerRecord<>(topic, keys.apply(order), order.json()), (metadata, error) -> {
            if (error != null) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    /** 주어진 코드: 보낸 것이 모두 답을 받을 때까지 기다립니다. 스트림을 다 보낸 뒤 한 번만 부릅니다. */
    public void finish() {
        producer.flush();
    }

    /** 주어진 코드: 지금까지 실패로 끝난 전송 수. */
    public long failures() {
        return failures.get();
    }

    /** 주어진 코드: 첫 실패의 원인 (없으면 null). */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /** 주어진 코드: 프로듀서가 스스로 재는 지표 (batch-size-avg, records-per-request-avg, compression-rate-avg …). */
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @Override
    public void close() {
        producer.close();
    }
}
