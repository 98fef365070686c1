package kafkacourse.lab08;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.MessageProperties;

/**
 * RabbitMQ 로 만든 팬아웃: fanout 익스체인지 하나에 서비스마다 자기 큐를 묶습니다.
 * 과제 설명: README.ko.md 의 "1.", 막히면 HINTS.ko.md#1.
 */
public final class RabbitFanout {

    private RabbitFanout() {
    }

    /** 서비스의 큐 이름(주어진 코드): {@code <익스체인지>.<서비스>}. */
    public static String queueOf(String exchange, String service) {
        return exchange + "." + service;
    }

    /** fanout 익스체인지와, 서비스마다 내구성 있는(durable) 큐 하나씩을 만들고 묶습니다. */
    public static void declare(Channel channel, String exchange, List<String> services) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, true);
        for (String service : services) {
            String queue = queueOf(exchange, service);
            channel.queueDeclare(queue, true, false, false, null);
            // fanout 은 라우팅 키를 보지 않습니다: 묶인 모든 큐에 한 부씩.
            channel.queueBind(queue, exchange, "");
        }
    }

    /** 주문 알림 한 건을 익스체인지로 보냅니다(디스크에 남는 persistent 메시지). */
    public static void publish(Channel channel, String exchange, OrderEvent order) throws IOException {
        channel.basicPublish(exchange, "", MessageProperties.PERSISTENT_TEXT_PLAIN, order.body().getBytes(StandardCharsets.UTF_8));
    }
}
