package kafkacourse.kit.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Driving learner code one step at a time from the test thread (a {@code pollOnce}, a {@code processOnce}) until
 * the scenario is done. Running out of time is not a failure here: the assertions that follow say what is missing,
 * in the lab's own words. An exception of the step (e.g. an unfinished TODO) ends the loop and reaches the test.
 */
public final class LearnerSteps {

    private static final Duration BETWEEN_STEPS = Duration.ofMillis(10);

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
}
