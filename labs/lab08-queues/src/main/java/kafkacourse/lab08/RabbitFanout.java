package kafkacourse.lab08;

import java.io.IOException;
import java.util.List;

import com.rabbitmq.client.Channel;

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
        // TODO 1-3: channel.exchangeDeclare 로 내구성 있는 FANOUT 익스체인지를 만들고,
        //           서비스마다 queueOf(exchange, service) 이름의 durable 큐를 queueDeclare 한 뒤 queueBind 로 묶으세요.
        //           fanout 은 라우팅 키를 보지 않습니다 ("" 이면 충분합니다).
        throw new UnsupportedOperationException("TODO 1-3: RabbitFanout.declare 에서 fanout 익스체인지와 서비스별 큐를 만들고 묶으세요.");
    }

    /** 주문 알림 한 건을 익스체인지로 보냅니다(디스크에 남는 persistent 메시지). */
    public static void publish(Channel channel, String exchange, OrderEvent order) throws IOException {
        // TODO 1-4: channel.basicPublish 로 order.body() 를 UTF-8 바이트로 exchange 에 보내세요.
        //           속성은 MessageProperties.PERSISTENT_TEXT_PLAIN (브로커가 재시작해도 남는 메시지).
        throw new UnsupportedOperationException("TODO 1-4: RabbitFanout.publish 에서 주문 알림을 익스체인지로 보내세요.");
    }
}
