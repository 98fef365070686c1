package kafkacourse.kit.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The notebooks' prediction checks, without a notebook or a cluster: the live value is a plain supplier here. */
@DisplayName("노트북 연습 확인 (Practice)")
class PracticeTest {

    @Test
    @DisplayName("빈칸(BLANK)은 확인 값을 구하지도 않고 ✘, 표시 줄과 힌트를 찍는다")
    void blankFailsWithoutAskingTheCluster() {
        AtomicInteger asked = new AtomicInteger();
        Printed printed = capture(() -> Practice.check("t-1", Practice.BLANK, () -> asked.incrementAndGet(), "latest 를 떠올리세요"));
        assertThat(printed.result).isFalse();
        assertThat(asked).hasValue(0);
        assertThat(printed.out).startsWith("[연습 t-1] ✘").contains("힌트: latest 를 떠올리세요").doesNotContain("✔");
        assertThat(Practice.evaluate(null, () -> 0).passed()).as("null 도 빈칸").isFalse();
    }

    @Test
    @DisplayName("맞는 예측은 ✔: 숫자는 값으로(3 == 3L), 문자열은 앞뒤 공백과 대소문자를 무시")
    void rightAnswersPass() {
        Printed printed = capture(() -> Practice.check("t-2", 3, () -> 3L, "힌트"));
        assertThat(printed.result).isTrue();
        assertThat(printed.out).startsWith("[연습 t-2] ✔").doesNotContain("힌트");
        assertThat(Practice.evaluate(2.0, () -> 2).passed()).isTrue();
        assertThat(Practice.evaluate(" Latest ", () -> "latest").passed()).isTrue();
        assertThat(Practice.evaluate(true, () -> true).passed()).isTrue();
    }

    @Test
    @DisplayName("틀린 예측은 ✘ 와 함께 클러스터의 값과 힌트를 보여 준다")
    void wrongAnswersFail() {
        Printed printed = capture(() -> Practice.check("t-3", 5, () -> 0, "새 그룹은 지금부터 읽습니다"));
        assertThat(printed.result).isFalse();
        assertThat(printed.out).startsWith("[연습 t-3] ✘").contains("예측 5").contains("확인한 값 0").contains("힌트:");
        assertThat(Practice.evaluate("3", () -> 3).passed()).as("문자열 \"3\" 과 숫자 3 은 다르다").isFalse();
        assertThat(Practice.evaluate(false, () -> true).passed()).isFalse();
    }

    @Test
    @DisplayName("확인 값을 구하다 실패하면 예외 대신 ✘ 와 한국어 이유")
    void liveFailureIsAFailedCheck() {
        Supplier<Object> broken = () -> {
            throw new IllegalStateException("브로커에 연결할 수 없습니다");
        };
        Printed printed = capture(() -> Practice.check("t-4", 1, broken, null));
        assertThat(printed.result).isFalse();
        assertThat(printed.out).startsWith("[연습 t-4] ✘").contains("브로커에 연결할 수 없습니다");
    }

    @Test
    @DisplayName("확인할 수 없는 연습은 ✔ 도 ✘ 도 아닌 '건너뜀'과 이유")
    void skippedIsNeitherPassNorFail() {
        Printed printed = capture(() -> {
            Practice.skip("t-5", "RabbitMQ 가 없습니다");
            return true;
        });
        assertThat(printed.out).startsWith("[연습 t-5] 건너뜀").contains("RabbitMQ 가 없습니다").doesNotContain("✔").doesNotContain("✘");
    }

    private record Printed(boolean result, String out) {
    }

    private static Printed capture(Supplier<Boolean> check) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            boolean result = check.get();
            return new Printed(result, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
