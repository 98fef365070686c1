package kafkacourse.kit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.ExternalKafkaCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

@DisplayName("@RequiresBrokerControl: 브로커 제어가 안 되면 이유와 함께 비활성")
class BrokerControlConditionTest {

    @Test
    @DisplayName("강좌 도구가 띄운 클러스터에서는 실행되고, 외부 클러스터에서는 한국어 이유로 비활성된다")
    void disabledOnlyWhereBrokersCannotBeControlled() {
        KafkaCluster local = CourseCluster.shared();
        assertThat(BrokerControlCondition.evaluate(local).isDisabled()).isFalse();

        try (ExternalKafkaCluster external = ExternalKafkaCluster.connect(
                new ExternalKafkaCluster.Settings(local.bootstrapServers(), Optional.empty(), Optional.empty()))) {
            ConditionEvaluationResult result = BrokerControlCondition.evaluate(external);
            assertThat(result.isDisabled()).isTrue();
            assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r).startsWith("[건너뜀]").contains("브로커"));
        }
    }

    @Test
    @RequiresBrokerControl
    @DisplayName("주석이 붙은 테스트도 kit 의 로컬 클러스터에서는 실제로 실행된다")
    void annotatedTestRunsOnTheLocalCluster() {
        assertThat(CourseCluster.shared().canControlBrokers()).isTrue();
    }
}
