package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness polls read only what a broker appended since the last look, also across a log roll-over. */
@DisplayName("브로커 로그: 새로 쓴 부분만 읽는다")
class BrokerLogTest {

    private static final String MARKER = "Kafka Server started";

    @TempDir
    Path dir;

    @Test
    @DisplayName("시작 전부터 있던 내용의 표식은 무시하고, 새로 쓴 표식은 찾는다")
    void seesOnlyWhatWasWrittenAfterTheOffset() throws IOException {
        Path log = dir.resolve("broker.log");
        Files.writeString(log, "[old] " + MARKER + "\n");
        BrokerLog.Watch watch = new BrokerLog.Watch(log, BrokerLog.length(log));

        assertThat(watch.saw(MARKER)).isFalse();
        append(log, "[new] starting\n");
        assertThat(watch.saw(MARKER)).isFalse();
        append(log, "[new] " + MARKER + " (kafka.server.KafkaRaftServer)\n");
        assertThat(watch.saw(MARKER)).isTrue();
    }

    @Test
    @DisplayName("줄이 반쯤 쓰인 순간에 읽어도 표식을 놓치지 않는다")
    void markerSplitAcrossReadsIsFound() throws IOException {
        Path log = dir.resolve("broker.log");
        BrokerLog.Watch watch = new BrokerLog.Watch(log, 0);
        append(log, "[new] Kafka Ser");
        assertThat(watch.saw(MARKER)).isFalse();
        append(log, "ver started\n");
        assertThat(watch.saw(MARKER)).isTrue();
    }

    @Test
    @DisplayName("로그가 굴려져(broker.log → broker.log.1) 작아져도 새 파일에서 계속 찾는다")
    void followsARollOver() throws IOException {
        Path log = dir.resolve("broker.log");
        Files.writeString(log, "x".repeat(10_000) + "\n");
        BrokerLog.Watch watch = new BrokerLog.Watch(log, BrokerLog.length(log));
        append(log, "[new] still starting\n");
        assertThat(watch.saw(MARKER)).isFalse();
        Files.move(log, dir.resolve("broker.log.1"));
        Files.writeString(log, "[new] " + MARKER + "\n");
        assertThat(watch.saw(MARKER)).isTrue();
    }

    @Test
    @DisplayName("꼬리 보기는 파일 끝만 읽고 스택 프레임은 뺀다")
    void tailSkipsStackFrames() throws IOException {
        Path log = dir.resolve("broker.log");
        Files.writeString(log, "line\n".repeat(200_000) + "ERROR boom\n\tat a.b.C(C.java:1)\n... 3 more\nlast\n");
        assertThat(BrokerLog.tail(log, 2)).isEqualTo("    | ERROR boom\n    | last");
    }

    private static void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
