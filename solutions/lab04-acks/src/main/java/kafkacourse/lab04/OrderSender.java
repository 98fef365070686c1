package kafkacourse.lab04;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** 주문 이벤트를 보내고, 하나하나 브로커가 응답했는지 알려 줍니다. 조용히 잃어버리는 일은 없습니다. */
public class OrderSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public OrderSender(Properties producerConfig, String topic) {
        this.producer = new KafkaProducer<>(producerConfig);
        this.topic = topic;
    }

    /** 과제 2: 이벤트 하나를 보내고 응답을 기다려 알려 줍니다. */
    public SendResult send(String key, String value) {
        try {
            return SendResult.acked(key, producer.send(new ProducerRecord<>(topic, key, value)).get());
        } catch (ExecutionException e) {
            // 브로커가 거부했거나 프로듀서가 포기했습니다(delivery.timeout.ms). 레코드는 저장되지 않았으니 알립니다.
            return SendResult.failed(key, e.getCause() instanceof Exception cause ? cause : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(key, e);
        }
    }

    /** 과제 3: 사이사이 기다리지 않고 모든 이벤트를 보낸 뒤, 응답을 순서대로 모두 모읍니다. */
    public List<SendResult> sendAll(List<OrderEvent> events) {
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (OrderEvent event : events) {
            // send() 는 레코드를 줄에 세울 뿐입니다. 레코드 여러 건이 배치 하나로, 배치 여러 개가 동시에 오갑니다.
            pending.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
        }
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String key = events.get(i).key();
            try {
                results.add(SendResult.acked(key, pending.get(i).get()));
            } catch (ExecutionException e) {
                results.add(SendResult.failed(key, e.getCause() instanceof Exception cause ? cause : e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(SendResult.failed(key, e));
            }
        }
        return results;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
