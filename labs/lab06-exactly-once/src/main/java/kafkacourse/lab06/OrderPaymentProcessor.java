package kafkacourse.lab06;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * 주문(orders)을 읽어 결제 이벤트(payments)를 쓰는 "읽기–처리–쓰기" 한 단계를, 트랜잭션으로 정확히 한 번 처리합니다.
 * 과제 설명: README.ko.md 의 "2.", "3.", "4.", 막히면 HINTS.ko.md#2, #3, #4.
 */
public class OrderPaymentProcessor implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final ProcessorSettings settings;
    private final OrderHandler handler;
    private boolean closed;

    public OrderPaymentProcessor(Properties cluster, ProcessorSettings settings, OrderHandler handler) {
        // TODO 2-1: settings 와 handler 를 필드에 담고,
        //           ExactlyOnceConfig.producerConfig(cluster, settings.transactionalId()) 로 KafkaProducer 를 만든 뒤 initTransactions() 를 부르세요.
        //           (initTransactions 는 같은 transactional.id 로 먼저 돌던 인스턴스를 밀어내고, 그것이 열어 둔 트랜잭션을 정리합니다.)
        //           그리고 ExactlyOnceConfig.consumerConfig(cluster, settings.groupId()) 로 KafkaConsumer 를 만들어 settings.inputTopic() 을 구독하세요.
        throw new UnsupportedOperationException("TODO 2-1: OrderPaymentProcessor 생성자에서 트랜잭션 프로듀서와 컨슈머를 만드세요.");
    }

    /**
     * 한 번 poll 해서 받은 주문들을 하나의 트랜잭션으로 처리합니다: 결제 이벤트 쓰기 + 읽은 위치(오프셋) 커밋.
     *
     * @return 이번 트랜잭션에서 커밋한 주문 수 (받은 것이 없거나 트랜잭션을 중단했으면 0)
     * @throws ProducerFencedException 같은 transactional.id 의 새 인스턴스가 이 인스턴스를 밀어냈을 때 (좀비)
     */
    public int processOnce(Duration pollTimeout) {
        // TODO 2-2: consumer.poll(pollTimeout) 으로 주문을 받고, 없으면 0 을 돌려주세요.
        //           있으면 beginTransaction() → 주문마다 handler.toPayment(키, 값) 의 결과를 settings.outputTopic() 에
        //           같은 키로 바로 send → sendOffsetsToTransaction(파티션별 "다음에 읽을 오프셋" = 마지막 오프셋 + 1,
        //           consumer.groupMetadata()) → commitTransaction() 순서로 처리하고, 처리한 주문 수를 돌려주세요.
        //           consumer.commitSync() 나 자동 커밋은 쓰지 않습니다: 오프셋도 트랜잭션의 일부입니다.
        // TODO 3:   그 밖의 오류(KafkaException, TemporaryFailure)가 나면 abortTransaction() 으로 트랜잭션을 중단하고,
        //           컨슈머를 마지막으로 커밋된 위치로 되돌린 뒤(consumer.committed(...) 와 seek, 커밋이 없으면 seekToBeginning)
        //           0 을 돌려주세요. 다음 호출에서 같은 주문을 다시 처리합니다.
        // TODO 4:   ProducerFencedException(과 OutOfOrderSequenceException, AuthorizationException)은 치명적 오류입니다.
        //           다른 인스턴스가 일을 넘겨받았다는 뜻이므로 abort 하지도, 삼키지도 말고 그대로 던지세요.
        throw new UnsupportedOperationException("TODO 2-2: processOnce 에서 poll → beginTransaction → send → sendOffsetsToTransaction → commitTransaction 을 구현하세요.");
    }

    /**
     * 장애 흉내(주어진 코드): 프로세스가 갑자기 죽은 것처럼, 트랜잭션을 커밋도 중단도 하지 않고 버립니다.
     * 이미 보낸 레코드는 브로커 로그에 남아 있고(flush), 트랜잭션은 열린 채로 남습니다. 컨슈머는 그룹을 떠나기만 하고
     * 오프셋은 커밋하지 않습니다(자동 커밋을 켜 두었다면 여기서 커밋되어 버립니다).
     */
    public void crashWithoutCommit() {
        closed = true;
        producer.flush();
        producer.close(Duration.ZERO);
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /** 정상 종료(주어진 코드): 열려 있는 트랜잭션은 프로듀서가 닫히면서 중단(abort)됩니다. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
