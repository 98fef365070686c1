package kafkacourse.kit.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files holding passwords: readable and writable by their owner only ({@code rw-------}, directories
 * {@code rwx------}), created with those permissions (never world-readable, not even for a moment) and replaced
 * atomically. On a file system without POSIX permissions (Windows) the user's profile directory protects them.
 */
public final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and its parents) and makes it owner-only. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new ClusterException("비밀 정보용 디렉터리를 만들 수 없습니다: " + dir, e);
        }
    }

    /** Writes {@code content} to {@code file} with owner-only permissions. */
    public static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = POSIX
                    ? Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("비밀 정보 파일을 쓸 수 없습니다: " + file, e);
        }
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new ClusterException("파일 권한을 바꿀 수 없습니다: " + file, e);
        }
    }
}
