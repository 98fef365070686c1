package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A class-data-sharing archive (AppCDS) of the jars a lab's test JVM loads (JUnit, AssertJ, kafka-clients, the kit):
 * the JVM maps the parsed classes instead of reading and verifying them again, which took ≈ 0.6 s off each test JVM
 * of {@code ./course grade lab01} (2.8 s → 2.2 s, 4 pairs on a quiet 2-core machine). Made once per lab and set of jars:
 * the first quick grading lists the classes it loaded, then {@code java -Xshare:dump} archives them (≈ 4 s, once).
 * JDK 17 archives classes from jars only, so the test JVM's classpath puts the jars first and the lab's class
 * directories after them (the archive needs its jars as the classpath's prefix). A missing, stale or broken archive
 * never stops grading: the JVM runs with {@code -Xshare:auto} and quietly loads classes the usual way.
 */
final class TestJvmArchive {

    private final Path dir;
    private final String jars;
    private final Path archive;
    private final Path classList;
    private final Path failedMarker;

    /** {@code dir}: the lab's grading work directory; {@code jars}: the test JVM's jars, in classpath order. */
    TestJvmArchive(Path dir, List<Path> jars) {
        this.dir = dir;
        this.jars = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String key = key(jars);
        this.archive = dir.resolve("tests-" + key + ".jsa");
        this.classList = dir.resolve("tests-" + key + ".classlist");
        this.failedMarker = dir.resolve("tests-" + key + ".failed");
    }

    /** The test JVM's options: use the archive, or list the loaded classes so that one can be made after this run. */
    List<String> jvmOptions() {
        if (!hotSpot()) {
            return List.of(); // e.g. Eclipse OpenJ9 has its own class sharing and other options
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (Files.exists(failedMarker)) {
            return List.of();
        }
        return List.of("-XX:DumpLoadedClassList=" + classList);
    }

    /** After a test run that listed its classes: archive them (once; a failure is remembered and not retried). */
    void makeIfListed(Path log) {
        if (!hotSpot() || Files.isRegularFile(archive) || !Files.isRegularFile(classList) || Files.exists(failedMarker)) {
            return;
        }
        System.out.println("  (처음 한 번만: 다음 채점부터 테스트 JVM 이 빨리 뜨도록 클래스 보관 파일(CDS)을 만듭니다, 몇 초 걸립니다)");
        deleteOlderArchives();
        Path tmp = dir.resolve(archive.getFileName() + ".tmp");
        List<String> dump = List.of(Path.of(System.getProperty("java.home"), "bin", Platform.isWindows() ? "java.exe" : "java").toString(),
                "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + tmp, "-cp", jars);
        int rc = Processes.run(dump, dir, log, Map.of(), Duration.ofMinutes(2));
        try {
            if (rc == 0 && Files.isRegularFile(tmp)) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(tmp);
                Files.writeString(failedMarker, "java -Xshare:dump exit code " + rc + ", see " + log + "\n", StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(classList);
        } catch (IOException e) {
            // grading already happened; without an archive the next test JVM simply starts the usual way
        }
    }

    /** Archives of earlier jar sets of this lab (a changed pom) are dead weight: about 40 MB each. */
    private void deleteOlderArchives() {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "tests-*")) {
            for (Path p : old) {
                if (!p.equals(classList)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // nothing to clean, or not now
        }
    }

    /** The options above are HotSpot's (OpenJDK, Temurin, Oracle, GraalVM JDKs). */
    private static boolean hotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return vm.contains("HotSpot") || vm.contains("OpenJDK");
    }

    /** The jars (path, size, time) and this JVM: an archive is only valid for exactly these. */
    private static String key(List<Path> jars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + " " + System.getProperty("java.vm.version") + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path jar : jars) {
                long size = Files.exists(jar) ? Files.size(jar) : -1;
                long time = Files.exists(jar) ? Files.getLastModifiedTime(jar).toMillis() : -1;
                sha.update((jar + " " + size + " " + time + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
