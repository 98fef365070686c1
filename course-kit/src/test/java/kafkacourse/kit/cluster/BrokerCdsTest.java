package kafkacourse.kit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker CDS archive is only ever an optimisation: a missing, half-written or truncated one is never used. */
@DisplayName("브로커 CDS 아카이브: 없거나 망가지면 쓰지 않는다")
class BrokerCdsTest {

    @TempDir
    Path tmp;
    Path dir;
    Path launcher;
    String classpath;

    @BeforeEach
    void sharedDirectory() throws Exception {
        dir = tmp.resolve("broker-cds");
        System.setProperty("course.cluster.cds.dir", dir.toString());
        launcher = BrokerCds.launcherJar(dir, "kafkacourse/kit/cluster/BrokerMain.class", new byte[] {1, 2, 3});
        Path jar = Files.writeString(tmp.resolve("kafka.jar"), "not really a jar");
        classpath = launcher + java.io.File.pathSeparator + jar;
    }

    @AfterEach
    void clear() {
        System.clearProperty("course.cluster.cds.dir");
    }

    @Test
    @DisplayName("launcher jar 는 내용으로 이름을 짓고, 같은 내용이면 다시 쓰지 않는다")
    void launcherJarIsWrittenOnce() throws Exception {
        long time = Files.getLastModifiedTime(launcher).toMillis();
        Thread.sleep(20);
        assertThat(BrokerCds.launcherJar(dir, "kafkacourse/kit/cluster/BrokerMain.class", new byte[] {1, 2, 3})).isEqualTo(launcher);
        assertThat(Files.getLastModifiedTime(launcher).toMillis()).isEqualTo(time);
        assertThat(BrokerCds.launcherJar(dir, "kafkacourse/kit/cluster/BrokerMain.class", new byte[] {4})).isNotEqualTo(launcher);
        try (JarFile jar = new JarFile(launcher.toFile())) {
            assertThat(jar.getEntry("kafkacourse/kit/cluster/BrokerMain.class")).isNotNull();
        }
    }

    @Test
    @DisplayName("아카이브가 없으면 한 브로커만 클래스 목록을 적고, 나머지는 CDS 옵션 없이 시작한다")
    void oneBrokerRecords() {
        List<String> first = BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, true);
        assertThat(first).anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList="));
        assertThat(BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, true)).isEmpty();
        assertThat(BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, false)).isEmpty();
    }

    @Test
    @DisplayName("확인된 크기와 같은 아카이브만 쓰고, 잘린 아카이브는 지운다")
    void onlyTheCheckedArchiveIsUsed() throws Exception {
        Path archive = dir.resolve(BrokerCds.key(classpath, BrokerRuntime.JVM_OPTIONS) + ".jsa");
        Files.write(archive, new byte[100]);
        assertThat(BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, false))
                .as("크기 기록이 없는 아카이브(확인 전)").isEmpty();

        Files.writeString(BrokerMain.cdsSizeFile(archive), "100");
        assertThat(BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, false))
                .contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+VerifySharedSpaces");

        Files.write(archive, new byte[40]); // truncated
        assertThat(BrokerCds.options(launcher, classpath, BrokerRuntime.JVM_OPTIONS, false)).noneMatch(o -> o.contains("SharedArchiveFile"));
        assertThat(archive).doesNotExist();
    }

    @Test
    @DisplayName("launcher jar 가 공유 디렉터리 밖에 있으면(쓸 수 없는 홈) CDS 를 쓰지 않는다")
    void noSharedDirectoryNoCds() throws Exception {
        Path own = BrokerCds.launcherJar(tmp.resolve("cluster/launcher"), "kafkacourse/kit/cluster/BrokerMain.class", new byte[] {1, 2, 3});
        assertThat(BrokerCds.options(own, own.toString(), BrokerRuntime.JVM_OPTIONS, true)).isEmpty();
    }
}
