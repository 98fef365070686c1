package kafkacourse.kit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("대기 시간 초과를 한국어로 알린다")
class TimeoutMessageTest {

    @Test
    @DisplayName("Awaitility 의 시간 초과 문장이 별칭과 제한 시간을 담은 한국어 문장이 된다")
    void awaitilityTimeoutIsToldInKorean() {
        ConditionTimeoutException timeout = catchThrowableOfType(ConditionTimeoutException.class,
                () -> Awaitility.await("새 리더가 선출되기를").atMost(Duration.ofMillis(300)).until(() -> false));

        assertThat(KafkaLabExtension.inKorean(timeout))
                .startsWith("[시간 초과] '새 리더가 선출되기를' 기다렸지만 300ms 안에 이뤄지지 않았습니다.");
    }
}
