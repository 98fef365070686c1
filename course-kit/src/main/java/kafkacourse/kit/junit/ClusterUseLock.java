package kafkacourse.kit.junit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import kafkacourse.kit.cluster.ClusterException;

/**
 * A read/write lock on one cluster shared by several test JVMs: the lab modules of a parallel build ({@code -T}),
 * or a learner grading two labs in two terminals against the same {@code ./course cluster up}. A test class that
 * kills or stops brokers ({@link RequiresBrokerControl}) holds it <b>exclusively</b>; every other test class holds it
 * <b>shared</b>. So any number of ordinary classes run side by side, and a broker is only ever killed while no other
 * JVM's test is using the cluster.
 *
 * <p>An operating-system file lock ({@link FileChannel#lock(long, long, boolean)}): the kernel releases it when the
 * JVM exits, also on SIGKILL, so a crashed test JVM never leaves the cluster locked. One file per cluster, named
 * after its bootstrap address, in the temporary directory every JVM of this user sees.
 */
final class ClusterUseLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ClusterUseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits (without a limit: the other JVM's test class is bounded by its own limits) and takes the lock. */
    static ClusterUseLock acquire(String bootstrapServers, boolean exclusive) {
        Path file = fileFor(bootstrapServers);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                Optional<FileLock> now = Optional.ofNullable(channel.tryLock(0, Long.MAX_VALUE, !exclusive));
                if (now.isPresent()) {
                    return new ClusterUseLock(channel, now.get());
                }
                long started = System.nanoTime();
                System.out.println(exclusive
                        ? "[강좌 클러스터] 브로커를 끄는 테스트입니다. 같은 클러스터를 쓰는 다른 테스트가 끝나기를 기다립니다."
                        : "[강좌 클러스터] 다른 테스트가 브로커를 끄고 있습니다. 끝나기를 기다립니다.");
                FileLock lock = channel.lock(0, Long.MAX_VALUE, !exclusive);
                System.out.printf("[강좌 클러스터] %.1f초 기다린 뒤 이어서 합니다.%n", (System.nanoTime() - started) / 1e9);
                return new ClusterUseLock(channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ClusterException("클러스터 사용 잠금 파일을 열 수 없습니다: " + file + " (" + e.getMessage() + ")", e);
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
