package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker compose commands the kit runs, checked against a fake {@code docker-compose} that keeps container
 * state in files (there is no Docker engine on the build machine; the real thing is not exercised here).
 */
@DisplayName("docker compose 로 브로커 제어 (가짜 compose 명령으로)")
class ComposeBrokerControlTest {

    @TempDir
    Path tmp;

    private Path fake;
    private Path compose;

    @BeforeEach
    void fakeCompose() throws IOException {
        compose = Files.writeString(tmp.resolve("docker-compose.yml"), "services: {}\n");
        Files.createDirectories(tmp.resolve("down"));
        fake = tmp.resolve("fake-compose");
        Files.writeString(fake, """
                #!/usr/bin/env bash
                # args: -f FILE <command> ...
                echo "$*" >> "%1$s/calls.log"
                state="%1$s/down"
                [[ "$1" == version ]] && { echo "fake compose 1.0"; exit 0; }
                shift 2
                cmd="$1"; shift
                case "$cmd" in
                  ps)
                    for s in kafka-1 kafka-2 kafka-3 kafka-ui; do
                      if [[ "$*" == *status=running* && ( -e "$state/$s" || "$s" == kafka-ui ) ]]; then continue; fi
                      echo "$s"
                    done ;;
                  kill|stop) touch "$state/${@: -1}" ;;
                  start) rm -f "$state/${@: -1}" ;;
                  *) echo "unknown $cmd" >&2; exit 1 ;;
                esac
                """.formatted(tmp));
        fake.toFile().setExecutable(true);
    }

    @Test
    @DisplayName("kill/stop/start 가 kafka-N 서비스에 대한 compose 명령이 되고, 실행 중인 노드를 다시 읽는다")
    void commandsTargetTheNodeServices() throws IOException {
        ComposeBrokerControl.Probe probe = ComposeBrokerControl.probe(compose, Set.of(1, 2, 3), List.of(List.of(fake.toString())));
        assertThat(probe.reason()).isEmpty();
        BrokerControl control = probe.control().orElseThrow();

        assertThat(control.running()).containsExactly(1, 2, 3);
        control.kill(2);
        assertThat(control.running()).containsExactly(1, 3);
        control.stop(3);
        assertThat(control.running()).containsExactly(1);
        control.start(2);
        control.start(3);
        assertThat(control.running()).containsExactly(1, 2, 3);
        assertThat(control.howToReadLog(1)).endsWith("logs kafka-1");

        String file = compose.toAbsolutePath().toString();
        assertThat(Files.readAllLines(tmp.resolve("calls.log"))).contains(
                "-f " + file + " kill -s SIGKILL kafka-2",
                "-f " + file + " stop -t 30 kafka-3",
                "-f " + file + " start kafka-2",
                "-f " + file + " ps --services --filter status=running");
    }

    @Test
    @DisplayName("compose 명령이 없거나 엔진에 닿지 못하거나 서비스가 모자라면 제어 없이 이유를 말한다")
    void unavailableWithAReason() throws IOException {
        assertThat(ComposeBrokerControl.probe(compose, Set.of(1, 2, 3), List.of(List.of(tmp.resolve("nope").toString()))).reason())
                .contains("docker compose 명령을 찾지 못했습니다");

        Path noEngine = Files.writeString(tmp.resolve("no-engine"), """
                #!/usr/bin/env bash
                [[ "$1" == version ]] && exit 0
                echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock" >&2; exit 1
                """);
        noEngine.toFile().setExecutable(true);
        assertThat(ComposeBrokerControl.probe(compose, Set.of(1, 2, 3), List.of(List.of(noEngine.toString()))).reason())
                .contains("Docker 엔진에 연결하지 못했습니다").contains("Cannot connect to the Docker daemon");

        assertThat(ComposeBrokerControl.probe(compose, Set.of(1, 2, 3, 4), List.of(List.of(fake.toString()))).reason())
                .contains("kafka-N").contains("[1, 2, 3]");
    }

}
