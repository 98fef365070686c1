package kafkacourse.kit.display;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The notebooks' "예측 → 실행 → 확인" exercises: the learner writes a prediction in a marked cell, and
 * {@link #check} compares it with a value computed <b>live from the cluster</b> (never a value written in the notebook).
 * <pre>{@code
 * var 예측 = Practice.BLANK;     // 학습자가 ___ 대신 값을 씁니다: var 예측 = 0;
 * Practice.check("01-1", 예측, () -> recordsSeenByLateGroup(), "latest 는 '지금부터'입니다");
 * }</pre>
 * Every check prints exactly one marker line, {@code [연습 <id>] ✔ ...} or {@code [연습 <id>] ✘ ...} (or
 * {@code [연습 <id>] 건너뜀 ...} from {@link #skip} when what it needs is not on this computer), which {@code ./course check}
 * counts in the executed notebooks: with the blanks every check must fail, with the wrong answers kept outside the
 * notebooks ({@code notebooks/practice/answers/*.json}) too, and with the right answers every check must pass.
 */
public final class Practice {

    /** The value of an unanswered prediction cell: valid Java, and never equal to any live value. */
    public static final Object BLANK = new Object() {
        @Override
        public String toString() {
            return "___";
        }
    };

    /** The marker that starts every check's line; CI parses {@code [연습 <id>] ✔|✘}. */
    public static final String MARKER = "[연습 %s] %s";
    public static final String PASS = "✔";
    public static final String FAIL = "✘";
    public static final String SKIPPED = "건너뜀";

    private Practice() {
    }

    /**
     * Compares the learner's {@code answer} with {@code live.get()} (computed now, from the cluster) and prints one
     * Korean line: ✔ with both values, or ✘ with the {@code hint}. A blank answer fails without revealing the live value.
     * Never throws: a failing live computation is a ✘ with the reason, so the notebook goes on.
     *
     * @return whether the prediction matched
     */
    public static boolean check(String id, Object answer, Supplier<?> live, String hint) {
        Result result = evaluate(answer, live);
        String mark = result.passed() ? PASS : FAIL;
        StringBuilder line = new StringBuilder(String.format(MARKER, id, mark)).append(' ').append(result.message());
        if (!result.passed() && hint != null && !hint.isBlank()) {
            line.append("\n    힌트: ").append(hint);
        }
        System.out.println(line);
        return result.passed();
    }

    /**
     * Prints the marker line of an exercise that cannot be checked here (e.g. RabbitMQ not installed), with the Korean
     * reason: neither ✔ nor ✘, so a learner is never told a right prediction is wrong (CI counts it as not checked).
     */
    public static void skip(String id, String reason) {
        System.out.println(String.format(MARKER, id, SKIPPED) + " 이 컴퓨터에서는 확인할 수 없어 건너뜁니다: " + reason);
    }

    /** The outcome of one comparison (public for the kit's tests). */
    public record Result(boolean passed, String message) {
    }

    /** The comparison behind {@link #check}, without printing. */
    public static Result evaluate(Object answer, Supplier<?> live) {
        if (answer == BLANK || answer == null) {
            return new Result(false, "아직 예측을 적지 않았습니다. `___`(Practice.BLANK) 자리에 여러분의 예측을 쓰고 다시 실행하세요.");
        }
        Object actual;
        try {
            actual = live.get();
        } catch (RuntimeException e) {
            return new Result(false, "클러스터에서 확인 값을 구하지 못했습니다: " + e.getMessage()
                    + " (클러스터가 떠 있는지 `./course cluster status` 로 보고, 위 셀부터 다시 실행하세요)");
        }
        if (matches(answer, actual)) {
            return new Result(true, "맞았습니다. 예측 " + answer + ", 클러스터에서 확인한 값 " + actual + ".");
        }
        return new Result(false, "예측 " + answer + ", 클러스터에서 확인한 값 " + actual + ".");
    }

    /** Numbers by value (3 == 3L == 3.0), strings ignoring surrounding spaces and case, anything else by equals. */
    static boolean matches(Object answer, Object actual) {
        if (answer instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (answer instanceof CharSequence a && actual instanceof CharSequence b) {
            return a.toString().strip().equalsIgnoreCase(b.toString().strip());
        }
        return Objects.equals(answer, actual);
    }
}
