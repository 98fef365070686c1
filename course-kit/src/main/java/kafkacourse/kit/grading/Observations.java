package kafkacourse.kit.grading;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a test saw on the cluster while it ran (which broker led, what the ISR was, what each group received): printed
 * when seen and repeated under the score table and in {@code grade.json}, so that {@code ./course grade} shows it
 * too. Shown, never graded: the assertions decide the score.
 * <pre>{@code
 * Observations.report("리더 %d 강제 종료 → 새 리더 %d", old, now);   // [관찰] 리더 1 강제 종료 → 새 리더 2
 * Observations.reportAs("나란히 보기", "read_committed=%s", keys);  // [나란히 보기] read_committed=[...]
 * }</pre>
 */
public final class Observations {

    private static final String DEFAULT_LABEL = "관찰";
    private static final List<String> REPORTED = new CopyOnWriteArrayList<>();

    private Observations() {
    }

    /** {@code report("ISR %s", isr)} prints {@code [관찰] ISR [1, 2]} and keeps the line for the table. */
    public static void report(String format, Object... args) {
        reportAs(DEFAULT_LABEL, format, args);
    }

    /** As {@link #report} under another label that the lab's texts refer to, e.g. {@code 나란히 보기}. */
    public static void reportAs(String label, String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        String shown = DEFAULT_LABEL.equals(label) ? line : "[" + label + "] " + line;
        REPORTED.add(shown);
        System.out.println("[" + label + "] " + line);
    }

    static List<String> reported() {
        return List.copyOf(REPORTED);
    }

    static void clear() {
        REPORTED.clear();
    }
}
