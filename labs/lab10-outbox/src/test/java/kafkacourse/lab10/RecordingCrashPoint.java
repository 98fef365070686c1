package kafkacourse.lab10;

import java.util.ArrayList;
import java.util.List;

/**
 * A crash point that records every site the code reaches and, if armed, dies at the n-th one (counting from 0), once
 * (test helper). A dry run records the trace; each rerun is armed at one index of that trace.
 */
final class RecordingCrashPoint implements CrashPoint {

    private final int crashAt;
    private final List<String> trace = new ArrayList<>();
    private String crashedAt;

    private RecordingCrashPoint(int crashAt) {
        this.crashAt = crashAt;
    }

    static RecordingCrashPoint recording() {
        return new RecordingCrashPoint(-1);
    }

    static RecordingCrashPoint crashingAt(int index) {
        return new RecordingCrashPoint(index);
    }

    @Override
    public void reached(String site) {
        trace.add(site);
        if (trace.size() - 1 == crashAt && crashedAt == null) {
            crashedAt = site + " (" + trace.size() + "번째 경계)";
            throw new SimulatedCrash(crashedAt);
        }
    }

    List<String> trace() {
        return List.copyOf(trace);
    }

    /** Where it died, or null if the code never got that far. */
    String crashedAt() {
        return crashedAt;
    }
}
