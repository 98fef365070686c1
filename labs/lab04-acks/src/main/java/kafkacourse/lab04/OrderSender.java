package kafkacourse.lab04;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * 주문 이벤트를 보내고, 한 건 한 건 브로커가 확인(ack)했는지를 보고합니다. 조용히 사라지는 전송은 없어야 합니다.
 * 과제 설명: README.ko.md 의 "2. 실패를 보고하는 전송", "3. 멱등 프로듀서와 sendAll", 막히면 HINTS.ko.md#2, #3.
 */
public class OrderSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    /** 주어진 코드: 넘겨받은 설정(AcksConfigs 의 것)으로 프로듀서를 만듭니다. */
    public OrderSender(Properties producerConfig, String topic) {
        this.producer = new KafkaProducer<>(producerConfig);
        this.topic = topic;
    }

    /**
     * 한 건을 보내고 브로커의 답을 기다려, 확인되었으면 {@code SendResult.acked}, 실패했으면 {@code SendResult.failed} 를 돌려줍니다.
     * 예외를 던지지도, 삼키지도 않습니다: 실패는 결과로 보고합니다.
     */
    public SendResult send(String key, String value) {
        // TODO 2: ProducerRecord(topic, key, value) 를 보내고 Future.get() 으로 답을 기다리세요.
        //         - 성공: SendResult.acked(key, metadata)
        //         - ExecutionException: 그 원인(getCause())을 담아 SendResult.failed(key, 원인)
        //         - InterruptedException: 인터럽트 표시를 되살리고 실패로 보고
        throw new UnsupportedOperationException("TODO 2: send 에서 레코드를 보내고 결과(SendResult)를 돌려주세요.");
    }

    /**
     * 여러 건을 한 건씩 기다리지 않고 모두 보낸 뒤, 보낸 순서대로 각 건의 결과를 돌려줍니다.
     */
    public List<SendResult> sendAll(List<OrderEvent> events) {
        // TODO 3: 먼저 모든 이벤트를 producer.send(...) 하여 Future 를 목록에 모으세요 (여기서 get() 하지 않기).
        //         그다음 같은 순서로 각 Future 를 get() 하여 SendResult 목록을 만드세요 (실패는 send 와 같은 방식으로).
        throw new UnsupportedOperationException("TODO 3: sendAll 에서 모두 보낸 뒤 결과를 순서대로 모으세요.");
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
