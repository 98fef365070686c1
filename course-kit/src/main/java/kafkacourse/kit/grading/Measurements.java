package kafkacourse.kit.grading;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Numbers a lab measures on the learner's own machine (failover time, latency): printed when measured and repeated
 * under the score table. Measured, shown, never asserted: a slow laptop must not fail a correct solution.
 */
public final class Measurements {

    private static final List<String> REPORTED = new CopyOnWriteArrayList<>();

    private Measurements() {
    }

    /** {@code report("장애 조치 시간: %.1f초", seconds)} prints {@code [측정] 장애 조치 시간: 2.5초} and keeps it for the table. */
    public static void report(String format, Object... args) {
        String line = String.format(format, args);
        REPORTED.add(line);
        System.out.println("[측정] " + line);
    }

    static List<String> reported() {
        return List.copyOf(REPORTED);
    }

    static void clear() {
        REPORTED.clear();
    }
}
