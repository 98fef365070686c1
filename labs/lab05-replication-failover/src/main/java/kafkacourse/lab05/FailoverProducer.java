package kafkacourse.lab05;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * 리더가 바뀌는 동안에도 계속 쓰고, 확인(ack)받은 주문은 하나도 잃지 않는 프로듀서. 확인받지 못하면 그렇다고 말합니다.
 * 과제 설명: README.ko.md 의 "2. 장애 조치를 견디는 프로듀서", 막히면 HINTS.ko.md#2.
 */
public class FailoverProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    /** 주어진 코드: producerConfig(cluster) 로 프로듀서를 만듭니다. */
    public FailoverProducer(Properties cluster, String topic) {
        this.producer = new KafkaProducer<>(producerConfig(cluster));
        this.topic = topic;
    }

    /** 리더 장애 조치(브로커 장애 감지 + 새 리더 선출, 시간은 실습 05의 측정값)를 견디는 프로듀서 설정. {@code cluster} 에는 bootstrap.servers 가 들어 있습니다. */
    public static Properties producerConfig(Properties cluster) {
        // TODO 2-1: cluster 를 복사하고 키/값 직렬화(StringSerializer)에 더해 다음을 정하세요. 각 줄에 "왜"를 주석으로 남기세요.
        //   - acks: 새 리더(ISR 중 하나)도 확인된 레코드를 반드시 갖고 있으려면?
        //   - enable.idempotence: 리더가 죽는 순간 날아가던 요청을 새 리더에 다시 보내도 두 번 기록되지 않으려면?
        //   - retries: 0 이면 리더가 바뀌는 순간의 요청이 그대로 실패합니다. (기본값은 사실상 무한)
        //   - request.timeout.ms: 죽은 브로커에 보낸 요청을 얼마 만에 포기하고 다시 보낼지 (예: 1500)
        //   - delivery.timeout.ms: 재시도 포함 한 건의 최대 시간. 장애 조치보다 충분히 길되(10초 이상) 끝이 있어야(2분 이하) 합니다.
        //   - max.block.ms: send() 가 메타데이터를 기다리는 최대 시간 (예: 10000)
        throw new UnsupportedOperationException("TODO 2-1: producerConfig 에 장애 조치를 견디는 설정을 채우세요.");
    }

    /**
     * 한 건을 보내고 브로커의 확인을 기다려 돌려줍니다. 확인받지 못하면 {@link OrderNotStoredException} 을 던집니다.
     */
    public RecordMetadata send(String key, String value) {
        // TODO 2-2: ProducerRecord 를 보내고 get() 으로 확인을 기다려 RecordMetadata 를 돌려주세요.
        //           ExecutionException 이면 원인을 담아 OrderNotStoredException 을 던지세요 (삼키지 말 것!).
        //           InterruptedException 이면 인터럽트 표시를 되살리고 OrderNotStoredException 을 던지세요.
        throw new UnsupportedOperationException("TODO 2-2: send 에서 레코드를 보내고 확인을 기다리세요.");
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
