package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A broker's rolling log file ({@code broker.log}, older parts {@code broker.log.1}, {@code .2}): watching what it
 * writes from a point on, and its last lines that say something. Never reads more than was appended since the last
 * look, so readiness polls stay cheap however long the cluster has been used.
 */
final class BrokerLog {

    /** At most this much is read per look; a start writes a few hundred kB. */
    private static final int MAX_READ = 1 << 20;

    private BrokerLog() {
    }

    /** The current length of the log, where a {@link Watch} starts. */
    static long length(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a log from {@code offset} on, remembering only the text a marker needs across reads. */
    static final class Watch {
        private final Path file;
        private long position;
        private final StringBuilder seen = new StringBuilder();

        Watch(Path file, long offset) {
            this.file = file;
            this.position = offset;
        }

        /** True once {@code marker} was written after the start offset. */
        boolean saw(String marker) {
            String fresh = readNew();
            seen.append(fresh);
            boolean found = seen.indexOf(marker) >= 0;
            if (seen.length() > marker.length()) {
                seen.delete(0, seen.length() - marker.length()); // keep just enough to match a marker split across reads
            }
            return found;
        }

        private String readNew() {
            try {
                if (!Files.exists(file)) {
                    return "";
                }
                long size = Files.size(file);
                String rolled = "";
                if (size < position) {
                    // The log rolled over since the last look: finish the old part (now broker.log.1), then start anew.
                    Path older = file.resolveSibling(file.getFileName() + ".1");
                    rolled = Files.exists(older) ? read(older, position) : "";
                    position = 0;
                }
                String text = read(file, position);
                position += text.getBytes(StandardCharsets.UTF_8).length;
                return rolled + text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file, long from) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long available = ch.size() - from;
                if (available <= 0) {
                    return "";
                }
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(available, MAX_READ));
                ch.read(buf, from);
                buf.flip();
                // Cut at the last complete line so a multi-byte character is never split between two reads.
                int end = buf.limit();
                while (end > 0 && buf.get(end - 1) != '\n') {
                    end--;
                }
                if (end == 0) {
                    return "";
                }
                buf.limit(end);
                return StandardCharsets.UTF_8.decode(buf).toString();
            }
        }
    }

    /** What the log holds after {@code offset}, at most its last megabyte: for diagnosing a failed start once. */
    static String since(Path file, long offset) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            long size = Files.size(file);
            long from = size < offset ? 0 : Math.max(offset, size - MAX_READ);
            return Watch.read(file, from);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The last lines of a log that say something: stack frames are left out (the log file has them all). Reads
     * only the end of the file.
     */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "    (로그 파일이 아직 없습니다: " + file + ")";
            }
            long size = Files.size(file);
            long from = Math.max(0, size - 256 * 1024);
            String text;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
                ch.read(buf, from);
                text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            }
            List<String> list = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isBlank() && !l.stripLeading().startsWith("at ") && !l.stripLeading().matches("\\.\\.\\. \\d+ more")) {
                    list.add(l);
                }
            }
            return list.subList(Math.max(0, list.size() - lines), list.size()).stream()
                    .map(l -> "    | " + l).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "    (로그를 읽을 수 없음: " + e.getMessage() + ")";
        }
    }
}
