package kafkacourse.kit.grading;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Grades a lab: after its tests, prints the Korean score table and writes {@code target/grade.json}. Registered
 * through ServiceLoader; active only where the build sets {@code -Dcourse.grading=true} (the lab modules).
 * Every test method is graded; a parameterized test counts once and passes only if all its invocations pass.
 */
public final class GradingListener implements TestExecutionListener {

    private final boolean active = Boolean.getBoolean("course.grading");
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        outcomes.clear();
        Measurements.clear();
        Observations.clear();
        if (active) {
            // A stale grade from an earlier run must never be mistaken for this run's result.
            Path dir = Path.of(System.getProperty("course.build.dir", "target"));
            try {
                java.nio.file.Files.deleteIfExists(dir.resolve("grade.json"));
                java.nio.file.Files.deleteIfExists(dir.resolve("grade.txt"));
            } catch (IOException e) {
                System.err.println("이전 채점 파일을 지우지 못했습니다: " + dir + " (" + e.getMessage() + ")");
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (active) {
            recordAllUnder(id, TestOutcome.Status.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!active) {
            return;
        }
        String reason = result.getThrowable().map(GradingListener::reason).orElse("");
        TestOutcome.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.Status.PASSED;
            case ABORTED -> TestOutcome.Status.SKIPPED;
            case FAILED -> TestOutcome.Status.FAILED;
        };
        if (id.isTest()) {
            methodOf(id).ifPresent(m -> record(m, status, reason));
        } else if (status != TestOutcome.Status.PASSED) {
            // A class whose set-up failed (e.g. the cluster did not start) fails its unrun tests with that reason;
            // one that was aborted (e.g. no Docker for the chosen mode) skips them.
            recordAllUnder(id, status, reason);
        }
    }

    /**
     * Every test method under a container that did not run them, found from the class itself: a parameterized
     * test has no invocations in the plan until it runs, but it must still count towards the maximum.
     */
    private void recordAllUnder(TestIdentifier id, TestOutcome.Status status, String reason) {
        Optional<TestMethod> single = methodOf(id);
        if (single.isPresent()) {
            record(single.get(), status, reason);
            return;
        }
        id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast).ifPresent(source -> {
            Class<?> type = source.getJavaClass();
            AnnotationSupport.findAnnotatedMethods(type, Testable.class, HierarchyTraversalMode.TOP_DOWN).stream()
                    .map(m -> new TestMethod(type.getName(), m))
                    .filter(m -> !outcomes.containsKey(m.key()))
                    .forEach(m -> record(m, status, reason));
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!active || outcomes.isEmpty()) {
            return;
        }
        String lab = System.getProperty("course.lab.id", "lab");
        List<TestOutcome> list = outcomes.values().stream()
                .sorted(java.util.Comparator.comparingInt(TestOutcome::task)).toList();
        Path dir = Path.of(System.getProperty("course.build.dir", "target"));
        List<String> observations = Observations.reported();
        List<String> measurements = Measurements.reported();
        String table = ScoreTable.render(lab, list, observations, measurements);
        try {
            LabGrade.of(lab, list.stream().map(TestOutcome::grade).toList(), LabGrade.gradedSources())
                    .withReports(observations, measurements).write(dir.resolve("grade.json"));
            // The table as printed, for `./course grade` (which keeps Maven's own output in a log file).
            java.nio.file.Files.writeString(dir.resolve("grade.txt"), table);
        } catch (IOException e) {
            System.err.println("채점 파일을 쓰지 못했습니다: " + dir + " (" + e.getMessage() + ")");
        }
        System.out.print(table);
        System.out.println("채점 파일: " + dir.resolve("grade.json"));
        System.out.flush();
    }

    private void record(TestMethod test, TestOutcome.Status status, String reason) {
        TestOutcome previous = outcomes.get(test.key());
        if (previous != null && previous.status() != TestOutcome.Status.PASSED) {
            return; // a parameterized test keeps its first failure
        }
        Method m = test.method();
        int points = Optional.ofNullable(m.getAnnotation(Points.class)).map(Points::value).orElse(1);
        String name = Optional.ofNullable(m.getAnnotation(DisplayName.class)).map(DisplayName::value).orElse(m.getName());
        String hint = Optional.ofNullable(m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        boolean passed = status == TestOutcome.Status.PASSED;
        outcomes.put(test.key(), new TestOutcome(new TestGrade(test.key(), name, points, passed), task(m), status,
                passed ? "" : reason, hint));
    }

    /** The task number from {@code @Tag("task:N")} (0 when untagged): the table lists tests in task order. */
    private static int task(Method m) {
        return java.util.Arrays.stream(m.getAnnotationsByType(Tag.class)).map(Tag::value)
                .filter(v -> v.startsWith("task:")).map(v -> v.substring(5).trim())
                .filter(v -> v.matches("\\d+")).mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    private static Optional<TestMethod> methodOf(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).flatMap(source -> {
            try {
                return Optional.of(new TestMethod(source.getClassName(), source.getJavaMethod()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** A graded test method and the test class it ran in (the key in grade.json: {@code Class#method}). */
    private record TestMethod(String className, Method method) {
        String key() {
            return className.substring(className.lastIndexOf('.') + 1) + "#" + method.getName();
        }
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip();
    }
}
