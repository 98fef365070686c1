package kafkacourse.kit.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The broker JVMs' class-data sharing (AppCDS) archive: the ~7,000 classes a broker loads at start, parsed and
 * verified once and then mapped into every broker JVM (measured on 2 cores: 3-node start ~35 % faster).
 *
 * <p>One archive per broker classpath + JDK + JVM options (the {@link #key key} hashes them, jar sizes and times
 * included), in {@code <course home>/broker-cds/}: the interactive cluster, the bench cluster and every test cluster
 * of this user share it. It is made without anyone waiting for it: when there is none, one broker of the next start
 * records the classes it loads ({@code -XX:DumpLoadedClassList}); once that broker runs, {@link BrokerMain} starts a
 * detached helper that dumps the archive ({@code -Xshare:dump}) under a temporary name, checks that a JVM starts with
 * it, and only then renames it into place. Brokers use it with {@code -Xshare:auto}: a missing or stale archive is
 * ignored by the JVM; a truncated one (which would crash the JVM) is never used because its size must match the size
 * recorded when it was checked; {@code -XX:+VerifySharedSpaces} makes the JVM ignore a damaged one.
 *
 * <p>Off with {@code KAFKA_COURSE_CDS=off} (or {@code -Dcourse.cluster.cds=false}).
 */
final class BrokerCds {

    /** How long a recording claim holds: a broker that was killed before its archive was made frees it then. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(15);
    /** After a failed dump, the next attempt for the same key waits this long (no failing dump at every start). */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(24);

    private BrokerCds() {
    }

    static boolean enabled() {
        String env = System.getenv("KAFKA_COURSE_CDS");
        return !"off".equalsIgnoreCase(env) && !"0".equals(env) && Boolean.parseBoolean(System.getProperty("course.cluster.cds", "true"));
    }

    /** {@code <course home>/broker-cds}: shared by every cluster of this user ({@code -Dcourse.cluster.cds.dir} for tests). */
    static Path dir() {
        String dir = System.getProperty("course.cluster.cds.dir");
        return dir != null ? Path.of(dir).toAbsolutePath() : ClusterHome.courseHome().resolve("broker-cds");
    }

    /**
     * The JVM options that make a broker JVM use the archive of this classpath, or (when {@code mayRecord} and there
     * is no archive yet and no other broker is recording) record its classes for one. Empty when CDS is off, the
     * directory cannot be written, or anything else goes wrong: CDS only ever makes a start faster.
     */
    static List<String> options(Path launcherJar, String classpath, List<String> baseJvmOptions, boolean mayRecord) {
        if (!enabled() || !launcherJar.startsWith(dir())) {
            return List.of();
        }
        try {
            String key = key(classpath, baseJvmOptions);
            Path archive = dir().resolve(key + ".jsa");
            Optional<Long> checkedSize = checkedSize(archive);
            if (checkedSize.isPresent()) {
                if (Files.size(archive) == checkedSize.get()) {
                    return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+VerifySharedSpaces");
                }
                // Not the file that was checked (truncated, replaced): a truncated archive crashes the JVM, so away with it.
                Files.deleteIfExists(BrokerMain.cdsSizeFile(archive));
                Files.deleteIfExists(archive);
            }
            if (mayRecord && claim(key)) {
                writeDumpArguments(key, classpath, baseJvmOptions);
                Path list = dir().resolve(key + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".classlist.tmp");
                return List.of("-XX:DumpLoadedClassList=" + list, "-D" + BrokerMain.CDS_LIST + "=" + list,
                        "-D" + BrokerMain.CDS_ARCHIVE + "=" + archive, "-D" + BrokerMain.CDS_LAUNCHER + "=" + launcherJar);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time
        }
        return List.of();
    }

    /**
     * The launcher jar holding {@link BrokerMain} ({@code classBytes}), named by its content in {@code dir}: written
     * once, atomically, and never rewritten, so the archive (which checks each jar's size and time) stays valid and a
     * kit rebuild never pulls the class out from under a running cluster.
     */
    static Path launcherJar(Path dir, String entryName, byte[] classBytes) throws IOException {
        Path jar = dir.resolve("launcher-" + sha256(classBytes).substring(0, 16) + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "launcher", ".tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            JarEntry entry = new JarEntry(entryName);
            entry.setTime(0);
            out.putNextEntry(entry);
            out.write(classBytes);
            out.closeEntry();
        }
        try {
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.AccessDeniedException raced) {
            Files.deleteIfExists(tmp); // another JVM wrote the same jar first
        }
        if (!Files.exists(jar)) {
            throw new IOException("launcher jar not written: " + jar);
        }
        return jar;
    }

    /** What the archive depends on: the JDK, the JVM options and every classpath entry with its size and time. */
    static String key(String classpath, List<String> baseJvmOptions) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version")).append('\n');
        s.append(String.join(" ", baseJvmOptions)).append('\n');
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            s.append(entry).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sha256(s.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }

    /** The size the dump helper recorded after checking the archive; empty while there is no checked archive. */
    static Optional<Long> checkedSize(Path archive) {
        try {
            return Optional.of(Long.parseLong(Files.readString(BrokerMain.cdsSizeFile(archive)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One recording at a time per key; a stale claim (its broker killed before the archive was made) is taken over. */
    private static boolean claim(String key) throws IOException {
        Path archive = dir().resolve(key + ".jsa");
        Path failed = BrokerMain.cdsFailedFile(archive);
        if (Files.exists(failed) && age(failed).compareTo(RETRY_AFTER_FAILURE) < 0) {
            return false;
        }
        Path claim = BrokerMain.cdsClaimFile(archive);
        Files.createDirectories(dir());
        try {
            Files.writeString(claim, Instant.now().toString(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException held) {
            if (age(claim).compareTo(CLAIM_TIMEOUT) < 0) {
                return false;
            }
            Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
            return true;
        }
    }

    private static Duration age(Path file) throws IOException {
        return Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
    }

    /** A java argument file ({@code @file}): the broker JVM options and classpath, so the dump matches the brokers. */
    private static void writeDumpArguments(String key, String classpath, List<String> baseJvmOptions) throws IOException {
        List<String> lines = new ArrayList<>();
        baseJvmOptions.forEach(o -> lines.add(quoted(o)));
        lines.add("-cp");
        lines.add(quoted(classpath));
        Path file = BrokerMain.cdsJvmArguments(dir().resolve(key + ".jsa"));
        Path tmp = Files.createTempFile(dir(), key, ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One argument of a java argument file. */
    static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\") + "\"";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
