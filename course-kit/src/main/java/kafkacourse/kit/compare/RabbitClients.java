package kafkacourse.kit.compare;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import kafkacourse.kit.cluster.ClusterException;

/** AMQP connections to the comparison RabbitMQ, with Korean errors instead of stack traces. */
public final class RabbitClients {

    private static final int TIMEOUT_MS = 5_000;

    private RabbitClients() {
    }

    public static Connection connect(CompareServers servers) {
        return connect(servers, servers.rabbitUser(), servers.rabbitPassword());
    }

    /** A connection with short timeouts and no automatic recovery (a dead server must fail fast, not retry forever). */
    public static Connection connect(CompareServers servers, String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(servers.port(ServerKind.RABBITMQ));
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setConnectionTimeout(TIMEOUT_MS);
        factory.setHandshakeTimeout(TIMEOUT_MS);
        factory.setChannelRpcTimeout(TIMEOUT_MS * 2);
        factory.setShutdownTimeout(TIMEOUT_MS);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        try {
            return factory.newConnection("kafka-course");
        } catch (AuthenticationFailureException e) {
            throw new ClusterException("""
                    RabbitMQ 로그인에 실패했습니다: 사용자 '%s' 의 비밀번호가 틀렸거나 없는 사용자입니다.
                      해결: 강좌 서버의 계정은 %s / %s 입니다. 서버 로그: %s"""
                    .formatted(user, servers.rabbitUser(), servers.rabbitPassword(), servers.log(ServerKind.RABBITMQ)), e);
        } catch (IOException | TimeoutException e) {
            throw servers.failure(ServerKind.RABBITMQ, e);
        }
    }
}
