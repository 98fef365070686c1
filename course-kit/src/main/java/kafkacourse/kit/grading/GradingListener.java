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
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        outcomes.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (!active) {
            return;
        }
        testsUnder(id).forEach(test -> record(test, TestOutcome.Status.SKIPPED, reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!active) {
            return;
        }
        String reason = result.getThrowable().map(GradingListener::reason).orElse("");
        if (id.isTest()) {
            record(id, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? TestOutcome.Status.PASSED
                    : result.getStatus() == TestExecutionResult.Status.ABORTED ? TestOutcome.Status.SKIPPED
                    : TestOutcome.Status.FAILED, reason);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class whose set-up failed (e.g. the cluster did not start) fails its unrun tests with that reason;
            // one that was aborted (e.g. no Docker for the chosen mode) skips them.
            TestOutcome.Status status = result.getStatus() == TestExecutionResult.Status.ABORTED
                    ? TestOutcome.Status.SKIPPED : TestOutcome.Status.FAILED;
            testsUnder(id).filter(test -> !outcomes.containsKey(key(test).orElse("")))
                    .forEach(test -> record(test, status, reason));
        }
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
        String table = ScoreTable.render(lab, list);
        try {
            LabGrade.of(lab, list.stream().map(TestOutcome::grade).toList()).write(dir.resolve("grade.json"));
            // The table as printed, for `./course grade` (which keeps Maven's own output in a log file).
            java.nio.file.Files.writeString(dir.resolve("grade.txt"), table);
        } catch (IOException e) {
            System.err.println("채점 파일을 쓰지 못했습니다: " + dir + " (" + e.getMessage() + ")");
        }
        System.out.print(table);
        System.out.println("채점 파일: " + dir.resolve("grade.json"));
        System.out.flush();
    }

    private java.util.stream.Stream<TestIdentifier> testsUnder(TestIdentifier id) {
        if (id.isTest()) {
            return java.util.stream.Stream.of(id);
        }
        return plan == null ? java.util.stream.Stream.empty() : plan.getDescendants(id).stream().filter(TestIdentifier::isTest);
    }

    private void record(TestIdentifier test, TestOutcome.Status status, String reason) {
        Optional<Method> method = javaMethod(test);
        Optional<String> key = key(test);
        if (method.isEmpty() || key.isEmpty()) {
            return;
        }
        TestOutcome previous = outcomes.get(key.get());
        if (previous != null && previous.status() != TestOutcome.Status.PASSED) {
            return; // a parameterized test keeps its first failure
        }
        Method m = method.get();
        int points = Optional.ofNullable(m.getAnnotation(Points.class)).map(Points::value).orElse(1);
        String name = Optional.ofNullable(m.getAnnotation(DisplayName.class)).map(DisplayName::value).orElse(test.getDisplayName());
        String hint = Optional.ofNullable(m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        boolean passed = status == TestOutcome.Status.PASSED;
        outcomes.put(key.get(), new TestOutcome(new TestGrade(key.get(), name, points, passed), task(m), status, passed ? "" : reason, hint));
    }

    /** The task number from {@code @Tag("task:N")} (0 when untagged): the table lists tests in task order. */
    private static int task(Method m) {
        return java.util.Arrays.stream(m.getAnnotationsByType(Tag.class)).map(Tag::value)
                .filter(v -> v.startsWith("task:")).map(v -> v.substring(5).trim())
                .filter(v -> v.matches("\\d+")).mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    private static Optional<String> key(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> s.getClassName().substring(s.getClassName().lastIndexOf('.') + 1) + "#" + s.getMethodName());
    }

    private static Optional<Method> javaMethod(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).flatMap(source -> {
            try {
                return Optional.of(source.getJavaMethod());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip();
    }
}
