package kafkacourse.kit.junit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import kafkacourse.kit.cluster.ClusterException;

/**
 * A read/write lock on one cluster shared by several test JVMs: the lab modules of a parallel build ({@code -T}),
 * or a learner grading two labs in two terminals against the same {@code ./course cluster up}. A test that kills or
 * stops brokers ({@link RequiresBrokerControl}) holds it <b>exclusively</b>; every other test holds it <b>shared</b>.
 * So any number of ordinary tests run side by side, and a broker is only ever killed while no other JVM's test is
 * using the cluster. {@link ClusterUse} decides, test by test, which of the two a JVM holds.
 *
 * <p>An operating-system file lock ({@link FileChannel#lock(long, long, boolean)}): the kernel releases it when the
 * JVM exits, also on SIGKILL, so a crashed test JVM never leaves the cluster locked. One file per cluster, named
 * after its bootstrap address, in the temporary directory every JVM of this user sees.
 *
 * <p>The kernel's shared locks let a new reader in while a writer waits, so a writer could wait forever behind
 * readers that take turns. Hence a second lock, the <em>gate</em> (the file's first byte): every acquirer passes
 * through it, and a writer keeps it while it waits for the readers to finish. Readers that come later queue at the
 * gate, and a reader can see that a writer waits ({@link #exclusiveWaiting()}) and step aside between two tests.
 */
final class ClusterUseLock implements AutoCloseable {

    private static final long GATE = 0;
    private static final long USE = 1;
    private static final long USE_SIZE = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private ClusterUseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits (without a limit: the other JVM's test is bounded by its own limits) and takes the lock. */
    static ClusterUseLock acquire(String bootstrapServers, boolean exclusive) {
        Path file = fileFor(bootstrapServers);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                return new ClusterUseLock(channel, lockThroughGate(channel, exclusive));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ClusterException("클러스터 사용 잠금 파일을 열 수 없습니다: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static FileLock lockThroughGate(FileChannel channel, boolean exclusive) throws IOException {
        FileLock now = tryThroughGate(channel, exclusive);
        if (now != null) {
            return now;
        }
        long started = System.nanoTime();
        System.out.println(exclusive
                ? "[강좌 클러스터] 브로커를 끄는 테스트입니다. 같은 클러스터를 쓰는 다른 테스트가 끝나기를 기다립니다."
                : "[강좌 클러스터] 다른 테스트가 브로커를 끄고 있습니다. 끝나기를 기다립니다.");
        FileLock gate = channel.lock(GATE, 1, false);
        try {
            FileLock use = channel.lock(USE, USE_SIZE, !exclusive);
            System.out.printf("[강좌 클러스터] %.1f초 기다린 뒤 이어서 합니다.%n", (System.nanoTime() - started) / 1e9);
            return use;
        } finally {
            gate.release();
        }
    }

    /** The lock at once, or null when someone holds the gate or the use in a conflicting way. */
    private static FileLock tryThroughGate(FileChannel channel, boolean exclusive) throws IOException {
        FileLock gate = channel.tryLock(GATE, 1, false);
        if (gate == null) {
            return null;
        }
        try {
            return channel.tryLock(USE, USE_SIZE, !exclusive);
        } finally {
            gate.release();
        }
    }

    static Path fileFor(String bootstrapServers) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(bootstrapServers.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        return dir.resolve("kafka-course-cluster-" + HexFormat.of().formatHex(digest, 0, 8) + ".lock");
    }

    boolean isExclusive() {
        return !lock.isShared();
    }

    /** True while another JVM holds the gate: a test that kills brokers waits for this JVM's shared use to end. */
    boolean exclusiveWaiting() {
        try {
            FileLock gate = channel.tryLock(GATE, 1, false);
            if (gate == null) {
                return true;
            }
            gate.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
        // The file stays: deleting it would let two JVMs lock two different files of the same name.
    }
}
