package kafkacourse.kit.junit;

import java.util.Optional;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit side of {@link KafkaLab}. One cluster per test JVM ({@link CourseCluster#shared()}), kept in the root
 * store so it closes after the last test class; the cluster's shutdown hook covers a JVM that is killed.
 */
public final class KafkaLabExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaLabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        KafkaCluster cluster = cluster(context);
        if (cluster.canControlBrokers()) {
            cluster.restoreAllNodes();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<UnsupportedOperationException> todo = causeOfType(thrown, UnsupportedOperationException.class);
        String hint = context.getTestMethod().map(m -> m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        if (todo.isPresent() && todo.get().getMessage() != null) {
            throw new NotImplementedYet("[미구현] " + todo.get().getMessage() + (hint.isEmpty() ? "" : "\n힌트: " + hint));
        }
        Optional<ClusterException> cluster = causeOfType(thrown, ClusterException.class);
        if (cluster.isPresent()) {
            throw new NotImplementedYet("[클러스터 문제] " + cluster.get().getMessage());
        }
        throw thrown;
    }

    private static KafkaCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedCluster.class, k -> new SharedCluster(CourseCluster.shared()), SharedCluster.class)
                .cluster();
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Closes the JVM's cluster when the root context closes (after the last test class). */
    private record SharedCluster(KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
