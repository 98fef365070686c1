package kafkacourse.kit.junit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.CourseCluster;
import kafkacourse.kit.cluster.KafkaCluster;
import kafkacourse.kit.grading.Hint;
import kafkacourse.kit.lab.LabTopics;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit side of {@link KafkaLab}. One cluster per test JVM ({@link CourseCluster#shared()}), kept in the root
 * store so it closes after the last test class; the cluster's shutdown hook covers a JVM that is killed.
 */
public final class KafkaLabExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaLabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Several test JVMs may share this cluster (a parallel build, two terminals): see ClusterUse. A class's
        // set-up runs under the lock too; a class marked @RequiresBrokerControl as a whole keeps it exclusive.
        use(context).ifPresent(use -> use.holdFor(killsBrokers(context)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        use(context).ifPresent(use -> use.holdFor(killsBrokers(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        KafkaCluster cluster = cluster(context);
        if (cluster.canControlBrokers()) {
            cluster.restoreAllNodes();
            // Every node is back: other JVMs' tests may use the cluster again, unless the whole class stops brokers.
            use(context).filter(ClusterUse::holdsExclusive).ifPresent(use -> use.holdFor(killsBrokers(context.getParent().orElseThrow())));
        }
    }

    /** Whether this test, or its class or an enclosing class, is marked as one that kills or stops brokers. */
    static boolean killsBrokers(ExtensionContext context) {
        if (context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, RequiresBrokerControl.class)).orElse(false)) {
            return true;
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, RequiresBrokerControl.class)) {
                return true;
            }
        }
        return false;
    }

    /** This JVM's use of the cluster, when other JVMs could share it (the kit controls its brokers). */
    private static Optional<ClusterUse> use(ExtensionContext context) {
        KafkaCluster cluster = cluster(context);
        if (!cluster.canControlBrokers()) {
            return Optional.empty();
        }
        return Optional.of(context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClusterUse.class, k -> new ClusterUse(cluster.bootstrapServers()), ClusterUse.class));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaCluster.class || type == LabTopics.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LabTopics.class ? topics(context) : cluster(context);
    }

    /**
     * The test class's {@link LabTopics}: one per class (every test method and the constructor get the same), kept in
     * the class's store so that its topics are deleted when the class is done (after {@code @AfterAll}).
     */
    private static LabTopics topics(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        KafkaCluster cluster = cluster(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClassTopics.class, k -> new ClassTopics(new LabTopics(cluster), cluster), ClassTopics.class)
                .topics();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<UnsupportedOperationException> todo = causeOfType(thrown, UnsupportedOperationException.class);
        String hint = context.getTestMethod().map(m -> m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        if (todo.isPresent() && todo.get().getMessage() != null) {
            throw new LearnerFailure("[미구현] " + todo.get().getMessage() + (hint.isEmpty() ? "" : "\n힌트: " + hint));
        }
        Optional<ClusterException> cluster = causeOfType(thrown, ClusterException.class);
        if (cluster.isPresent()) {
            throw new LearnerFailure("[클러스터 문제] " + cluster.get().getMessage());
        }
        // RabbitMQ or Redis killed or crashed during the test: say which server and where its log is, whatever
        // the client threw (an AMQP shutdown signal, a socket error, or an assertion on what never arrived).
        Optional<String> serverDown = kafkacourse.kit.compare.CompareServers.sharedDownMessage();
        if (serverDown.isPresent()) {
            throw new LearnerFailure("[비교 서버 문제] " + serverDown.get());
        }
        Optional<String> security = kafkacourse.kit.cluster.SecurityErrors.explain(thrown); // secure workshop cluster
        if (security.isPresent()) {
            throw new LearnerFailure(security.get() + (hint.isEmpty() ? "" : "\n힌트: " + hint));
        }
        Optional<ConditionTimeoutException> timeout = causeOfType(thrown, ConditionTimeoutException.class);
        if (timeout.isPresent()) {
            throw new LearnerFailure(inKorean(timeout.get()) + (hint.isEmpty() ? "" : "\n힌트: " + hint));
        }
        throw thrown;
    }

    /** Awaitility's English timeout sentence, told in Korean: what was awaited (the alias) and for how long. */
    static String inKorean(ConditionTimeoutException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher alias = Pattern.compile("alias '(.*?)'").matcher(message);
        Matcher within = Pattern.compile("within (\\d+) (milliseconds|seconds|minutes)").matcher(message);
        String what = alias.find() ? "'" + alias.group(1) + "'" : "조건";
        String limit = within.find() ? within.group(1) + switch (within.group(2)) {
            case "milliseconds" -> "ms";
            case "minutes" -> "분";
            default -> "초";
        } : "제한 시간";
        int because = message.indexOf(" because ");
        String detail = because >= 0 ? message.substring(because + 9) : message;
        return "[시간 초과] " + what + " 기다렸지만 " + limit + " 안에 이뤄지지 않았습니다."
                + (detail.isBlank() ? "" : "\n  자세히: " + (detail.length() > 400 ? detail.substring(0, 400) + "…" : detail));
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

    /** Deletes a test class's topics when the class is done; a cluster that is down or thrown away needs nothing. */
    private record ClassTopics(LabTopics topics, KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            if (cluster.isDisposable() || cluster.runningNodes().isEmpty()) {
                return;
            }
            try {
                topics.deleteAll();
            } catch (RuntimeException e) {
                System.err.println("[강좌 클러스터] 테스트가 만든 토픽을 지우지 못했습니다(채점에는 영향 없음): " + e.getMessage());
            }
        }
    }

    /**
     * When the root context closes (after the last test class, also after failures): deletes what the run created,
     * then closes the JVM's cluster.
     */
    private record SharedCluster(KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (!cluster.isDisposable() && !cluster.runningNodes().isEmpty()) {
                    LeftoverSweeper.sweep(cluster.admin());
                }
            } finally {
                cluster.close();
            }
        }
    }
}
