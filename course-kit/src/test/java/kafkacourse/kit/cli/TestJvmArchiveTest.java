package kafkacourse.kit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

@DisplayName("빠른 채점: 테스트 JVM 의 클래스 보관 파일(CDS)")
class TestJvmArchiveTest {

    private static final Path JAR = jarOf(CommandLine.class);

    @Test
    @DisplayName("첫 실행은 불러온 클래스를 적고, 그 뒤 만든 보관 파일을 다음 JVM 이 쓴다")
    void listsThenArchivesThenUses(@TempDir Path work) throws Exception {
        TestJvmArchive archive = new TestJvmArchive(work, List.of(JAR));
        List<String> first = archive.jvmOptions();
        assertThat(first).singleElement().asString().startsWith("-XX:DumpLoadedClassList=");
        assertThat(java(first).exitCode()).isZero();

        archive.makeIfListed(work.resolve("grading.log"));

        List<String> next = archive.jvmOptions();
        assertThat(next).as("보관 파일을 만든 뒤의 JVM 옵션").anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=")).contains("-Xshare:auto");
        Processes.Result run = java(next);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @DisplayName("깨진 보관 파일이 있어도 테스트 JVM 은 그대로 뜬다 (-Xshare:auto)")
    void aBrokenArchiveNeverStopsTheJvm(@TempDir Path work) throws Exception {
        TestJvmArchive archive = new TestJvmArchive(work, List.of(JAR));
        String listOption = archive.jvmOptions().get(0);
        Path list = Path.of(listOption.substring(listOption.indexOf('=') + 1));
        Path jsa = work.resolve(list.getFileName().toString().replace(".classlist", ".jsa"));
        Files.write(jsa, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Processes.Result run = java(archive.jvmOptions());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as("JVM 출력").doesNotContainIgnoringCase("error");
    }

    /** A JVM with these options and the jar as its classpath (it only prints its version). */
    private static Processes.Result java(List<String> options) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", JAR.toString(), "-version"));
        return Processes.capture(cmd, Duration.ofMinutes(1));
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
