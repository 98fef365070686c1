package kafkacourse.kit.lab;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Driving learner code one step at a time from the test thread (a {@code pollOnce}, a {@code processOnce}) until
 * the scenario is done, or waiting for learner code running elsewhere (workers, a Spring listener) to get there.
 * Running out of time is not a failure here: the assertions that follow say what is missing, in the lab's own words.
 * An exception of the step or the condition (e.g. an unfinished TODO) ends the loop and reaches the test.
 */
public final class LearnerSteps {

    private static final Duration BETWEEN_STEPS = Duration.ofMillis(10);
    private static final Duration BETWEEN_CHECKS = Duration.ofMillis(50);

    private LearnerSteps() {
    }

    /** Runs {@code step} again and again until {@code done} or {@code limit}; true if {@code done} was reached. */
    public static boolean repeatUntil(String what, Duration limit, Runnable step, BooleanSupplier done) {
        try {
            Awaitility.await(what).atMost(limit).pollInterval(BETWEEN_STEPS).pollInSameThread()
                    .until(() -> {
                        step.run();
                        return done.getAsBoolean();
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false; // the assertions that follow say what is wrong
        }
    }

    /**
     * Waits until {@code condition} holds or {@code limit} passes; true if it held. When time runs out one line says
     * so, and the assertions that follow say what differed. The condition may rethrow a worker's failure.
     */
    public static boolean waitFor(String what, Duration limit, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(limit).pollInterval(BETWEEN_CHECKS).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            System.out.println("[시간 초과] " + limit.toSeconds() + "초 동안 '" + what + "' 가 이뤄지지 않았습니다. 아래 검사가 무엇이 달랐는지 알려 줍니다.");
            return false;
        }
    }
}
