package kafkacourse.lab08;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final Channel channel;
    private final String consumerTag;

    /** 작업 큐를 만듭니다: 내구성 있는 쿼럼 큐 (배달 횟수를 x-delivery-count 헤더로 알려 줍니다). */
    public static void declareQueue(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
    }

    public RabbitWorker(Connection connection, String queue, int prefetch, OrderHandler handler) throws IOException {
        channel = connection.createChannel();
        // 확인하지 않은 메시지를 prefetch 개까지만 받습니다 (없으면 큐의 메시지를 먼저 온 작업자가 모두 받아 갑니다).
        channel.basicQos(prefetch);
        // autoAck=false: 처리한 뒤에 직접 확인합니다 (true 면 받는 순간 큐에서 지워져, 실패하면 잃어버립니다).
        consumerTag = channel.basicConsume(queue, false, (tag, message) -> {
            long deliveryTag = message.getEnvelope().getDeliveryTag();
            OrderEvent order = OrderEvent.fromBody(new String(message.getBody(), StandardCharsets.UTF_8));
            Outcome outcome = handler.handle(new Delivery(order, deliveryCount(message)));
            switch (outcome) {
                case DONE -> channel.basicAck(deliveryTag, false);
                case RETRY -> channel.basicNack(deliveryTag, false, true); // requeue=true: 큐로 돌려보내 다시 배달
                case POISON -> channel.basicReject(deliveryTag, false);    // requeue=false: 버림 (DLX 가 있으면 그리로)
            }
        }, tag -> { });
    }

    /** 배달 횟수: 쿼럼 큐는 이전 배달 횟수를 x-delivery-count 헤더로 줍니다; 없으면 redelivered 표시로 1 또는 2. */
    static int deliveryCount(com.rabbitmq.client.Delivery message) {
        Map<String, Object> headers = message.getProperties().getHeaders();
        if (headers != null && headers.get("x-delivery-count") instanceof Number previous) {
            return previous.intValue() + 1;
        }
        return message.getEnvelope().isRedeliver() ? 2 : 1;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        if (channel.isOpen()) {
            channel.basicCancel(consumerTag);
            channel.close();
        }
    }
}
