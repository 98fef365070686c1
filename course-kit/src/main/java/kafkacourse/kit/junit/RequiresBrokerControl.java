package kafkacourse.kit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (or test class) that kills, stops or restarts brokers. On a cluster whose brokers the kit cannot control
 * (an external cluster without docker compose) it is <b>skipped</b> with the Korean reason, shown as "건너뜀" in the
 * score table: never run against the wrong cluster, never counted as passed.
 *
 * <pre>{@code
 * @Test
 * @RequiresBrokerControl
 * void leaderFailsOver(KafkaCluster cluster) { ... cluster.kill(leader); ... }
 * }</pre>
 * Inside a test, {@link BrokerControlAssumption#assume(kafkacourse.kit.cluster.KafkaCluster)} does the same in one line.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BrokerControlCondition.class)
public @interface RequiresBrokerControl {
}
