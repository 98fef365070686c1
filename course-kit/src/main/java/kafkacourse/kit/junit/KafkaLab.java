package kafkacourse.kit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a graded lab test class: the shared live cluster is injected as a {@code KafkaCluster} parameter, every
 * node is running again after each test, and an unfinished TODO fails with its Korean message and hint instead of
 * a stack trace.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaLabExtension.class)
public @interface KafkaLab {
}
