package kafkacourse.lab08;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * RabbitMQ 의 작업 큐: 한 큐를 여러 작업자가 나눠 받는 "경쟁하는 컨슈머(competing consumers)" 하나. 수동 확인(ack),
 * 한 번에 받을 개수(prefetch), 실패한 메시지의 재배달(nack + requeue).
 * 과제 설명: README.ko.md 의 "2.", "3.", 막히면 HINTS.ko.md#2, #3.
 */
public final class RabbitWorker implements AutoCloseable {

    private Channel channel;
    private String consumerTag;

    /** 작업 큐를 만듭니다: 내구성 있는 쿼럼 큐 (배달 횟수를 x-delivery-count 헤더로 알려 줍니다). */
    public static void declareQueue(Channel channel, String queue) throws IOException {
        // TODO 2-4: channel.queueDeclare 로 durable, 비독점(exclusive=false), 자동 삭제 안 함인 큐를 만드세요.
        //           인자 Map.of("x-queue-type", "quorum") 을 주면 쿼럼 큐가 됩니다.
        throw new UnsupportedOperationException("TODO 2-4: RabbitWorker.declareQueue 에서 작업 큐(쿼럼 큐)를 만드세요.");
    }

    public RabbitWorker(Connection connection, String queue, int prefetch, OrderHandler handler) throws IOException {
        // TODO 2-5: connection.createChannel() 로 이 작업자의 채널을 만들고, channel.basicQos(prefetch) 로
        //           확인하지 않은 메시지를 prefetch 개까지만 받게 하세요.
        //           channel.basicConsume(queue, autoAck=?, 배달 콜백, 취소 콜백) 으로 구독하고 consumerTag 를 담으세요.
        //           배달 콜백: 본문(UTF-8)을 OrderEvent.fromBody 로 읽어 handler.handle(new Delivery(주문, deliveryCount(message))).
        // TODO 3:   결과에 따라 DONE → basicAck(tag, false), RETRY → basicNack(tag, false, requeue=?),
        //           POISON → basicReject(tag, requeue=?). 어느 것이 다시 오고, 어느 것이 버려져야 할까요?
        throw new UnsupportedOperationException("TODO 2-5: RabbitWorker 생성자에서 prefetch 와 수동 확인으로 큐를 구독하세요.");
    }

    /** 배달 횟수(주어진 코드): 쿼럼 큐는 이전 배달 횟수를 x-delivery-count 헤더로 줍니다; 없으면 redelivered 표시로 1 또는 2. */
    static int deliveryCount(com.rabbitmq.client.Delivery message) {
        Map<String, Object> headers = message.getProperties().getHeaders();
        if (headers != null && headers.get("x-delivery-count") instanceof Number previous) {
            return previous.intValue() + 1;
        }
        return message.getEnvelope().isRedeliver() ? 2 : 1;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            if (consumerTag != null) {
                channel.basicCancel(consumerTag);
            }
            channel.close();
        }
    }
}
