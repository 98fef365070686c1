package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reading a broker's log file: what it wrote since a point, and its last lines that say something. */
final class BrokerLog {

    private BrokerLog() {
    }

    static String readFrom(Path file, long offset) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            return offset >= bytes.length ? "" : new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of a log that say something: stack frames are left out (the log file has them all). */
    static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> list = all.filter(l -> !l.isBlank() && !l.stripLeading().startsWith("at ")
                    && !l.stripLeading().matches("\\.\\.\\. \\d+ more")).toList();
            return list.subList(Math.max(0, list.size() - lines), list.size()).stream()
                    .map(l -> "    | " + l).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "    (로그를 읽을 수 없음: " + e.getMessage() + ")";
        }
    }
}
