package kafkacourse.kit.junit;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link RequiresBrokerControl}: disabled, with the reason, when brokers cannot be controlled. */
final class BrokerControlCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean annotated = context.getElement().map(e -> AnnotationSupport.isAnnotated(e, RequiresBrokerControl.class)).orElse(false);
        if (!annotated) {
            return ConditionEvaluationResult.enabled("브로커 제어가 필요 없는 테스트");
        }
        KafkaCluster cluster;
        try {
            cluster = CourseCluster.shared();
        } catch (ClusterException e) {
            // The cluster itself is broken: let the test run and fail with that message (a skip would hide it).
            return ConditionEvaluationResult.enabled("클러스터 오류는 테스트 실행에서 보고합니다");
        }
        return evaluate(cluster);
    }

    static ConditionEvaluationResult evaluate(KafkaCluster cluster) {
        return cluster.canControlBrokers()
                ? ConditionEvaluationResult.enabled("브로커 제어 가능: " + cluster.bootstrapServers())
                : ConditionEvaluationResult.disabled(BrokerControlAssumption.skipReason(cluster));
    }
}
