package kafkacourse.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Facts that were fixed once and drift back easily (issue 13): plain reads of every text a learner reads (notebooks,
 * docs-ko, the labs' READMEs, hints and Java sources), each failure listing file:line. The glossary
 * (docs-ko/용어집.md) is skipped: it names the forbidden variants on purpose.
 */
@DisplayName("강좌 글의 고친 사실이 되돌아가지 않았는지 (용어집 기준)")
class TextFactsTest {

    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
    private static final int NEAR = 3;

    private static final Pattern SHARE_GROUP = Pattern.compile("공유 그룹|share group", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVIEW = Pattern.compile("미리보기|early access|프리뷰|preview", Pattern.CASE_INSENSITIVE);
    private static final Pattern FAILOVER = Pattern.compile("장애 조치|장애 복구|failover|리더 선출|새 리더|펜싱", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECONDS = Pattern.compile("약 ?\\d+(\\.\\d+)?(~\\d+(\\.\\d+)?)? ?초|\\d+(\\.\\d+)?(~\\d+(\\.\\d+)?)? ?초 ?(이내|안팎|이하|만에)");
    /** 랙 as a word of its own (블랙, 트랙, 슬랙 are other words); rack lines may use it. */
    private static final Pattern LAG_AS_RACK = Pattern.compile("(?<![가-힣])랙");
    private static final Pattern RACK_CONTEXT = Pattern.compile("rack|서버 랙|다른 랙|같은 랙", Pattern.CASE_INSENSITIVE);
    /** A test's {@code @Hint("…")} string (one line, escaped quotes allowed). */
    private static final Pattern HINT = Pattern.compile("@Hint\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    @Test
    @DisplayName("공유 그룹(KIP-932)은 Kafka 4.2부터 정식 기능: 근처에 '미리보기/early access/프리뷰'가 없다")
    void shareGroupsAreNotAPreview() {
        assertNoHits(near(SHARE_GROUP, PREVIEW), "공유 그룹 옆의 미리보기/early access 표현 (4.2부터 정식 기능입니다)");
    }

    @Test
    @DisplayName("장애 조치 글에 박아 둔 초 단위 숫자가 없다 (학습자가 잰 값과 설정을 인용)")
    void noHardCodedFailoverSeconds() {
        // docs-ko/cluster-settings.md is where the settings themselves are explained (with the measurements that chose them).
        List<String> hits = near(FAILOVER, SECONDS).stream().filter(h -> !h.startsWith("docs-ko/cluster-settings.md:")).toList();
        assertNoHits(hits, "장애 조치 근처의 고정된 초 (측정값과 broker.session.timeout.ms 등 설정을 인용하세요)");
    }

    @Test
    @DisplayName("저장소에 없는 kafka-basics.ko.md 를 가리키지 않는다 (원본 문서 → docs-ko/README.md)")
    void noDanglingSourceFile() {
        assertNoHits(lines(Pattern.compile("kafka-basics\\.ko\\.md")), "없는 파일 kafka-basics.ko.md");
    }

    @Test
    @DisplayName("원래 글은 '원본'(원문이 아님), 학습자의 기계는 '내 컴퓨터'(노트북 컴퓨터가 아님)")
    void sourceAndComputerWords() {
        assertNoHits(lines(Pattern.compile("원문|노트북 컴퓨터")), "원문 → 원본, 노트북 컴퓨터 → 내 컴퓨터 (용어집)");
    }

    @Test
    @DisplayName("'리밸런싱'이 아니라 '리밸런스'")
    void rebalanceIsOneWord() {
        assertNoHits(lines(Pattern.compile("리밸런싱")), "리밸런싱 → 리밸런스");
    }

    @Test
    @DisplayName("'랙'은 rack 에만: 컨슈머 지연은 '지연(lag)'")
    void lagIsNotRack() {
        List<String> hits = new ArrayList<>();
        for (Path file : texts()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (LAG_AS_RACK.matcher(line).find() && !RACK_CONTEXT.matcher(line).find()) {
                    hits.add(where(file, i, line));
                }
            }
        }
        assertNoHits(hits, "lag 의 뜻으로 쓴 '랙' → 지연(lag)");
    }

    @Test
    @DisplayName("실패한 테스트의 힌트(@Hint)는 모두 그 과제를 가르치는 노트북 절을 말한다")
    void everyHintNamesItsNotebook() {
        List<String> hits = new ArrayList<>();
        for (Path file : walk(ROOT.resolve("labs"), p -> p.toString().contains("/src/test/") && p.toString().endsWith(".java"))) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                var m = HINT.matcher(lines.get(i));
                while (m.find()) {
                    if (!m.group(1).contains("노트북 ")) {
                        hits.add(where(file, i, lines.get(i)));
                    }
                }
            }
        }
        assertNoHits(hits, "노트북 절이 없는 @Hint (예: \"… — 노트북 05 §5.3 'Consumer Group'\")");
    }

    @Test
    @DisplayName("실습 README 의 과제 절과 HINTS 의 모든 절은 노트북(../../notebooks/…ipynb)을 링크한다")
    void everyHintsAndTaskSectionLinksANotebook() {
        List<String> hits = new ArrayList<>();
        for (Path file : walk(ROOT.resolve("labs"), p -> !p.toString().contains("/target/")
                && (p.getFileName().toString().equals("HINTS.ko.md") || p.getFileName().toString().equals("README.ko.md")))) {
            boolean hints = file.getFileName().toString().equals("HINTS.ko.md");
            Pattern section = hints ? Pattern.compile("^## ") : Pattern.compile("^## \\d+\\. ");
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!section.matcher(lines.get(i)).find()) {
                    continue;
                }
                boolean linked = false;
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("## "); j++) {
                    linked |= lines.get(j).contains("../../notebooks/") && lines.get(j).contains(".ipynb");
                }
                if (!linked) {
                    hits.add(where(file, i, lines.get(i)));
                }
            }
        }
        assertNoHits(hits, "노트북 링크가 없는 절 (> 📓 노트북: [노트북 NN §M '절 제목'](../../notebooks/NN-….ipynb))");
    }

    private static void assertNoHits(List<String> hits, String what) {
        assertThat(hits).as("%s: %d곳%n  %s%n", what, hits.size(), String.join("\n  ", hits)).isEmpty();
    }

    /** Lines matching {@code pattern}. */
    private static List<String> lines(Pattern pattern) {
        List<String> hits = new ArrayList<>();
        for (Path file : texts()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    hits.add(where(file, i, lines.get(i)));
                }
            }
        }
        return hits;
    }

    /** Lines matching {@code second} within {@link #NEAR} lines of a line matching {@code first}. */
    private static List<String> near(Pattern first, Pattern second) {
        List<String> hits = new ArrayList<>();
        for (Path file : texts()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!second.matcher(lines.get(i)).find()) {
                    continue;
                }
                for (int j = Math.max(0, i - NEAR); j <= Math.min(lines.size() - 1, i + NEAR); j++) {
                    if (first.matcher(lines.get(j)).find()) {
                        hits.add(where(file, i, lines.get(i)));
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static String where(Path file, int index, String line) {
        String text = line.strip();
        return ROOT.relativize(file) + ":" + (index + 1) + ": " + (text.length() > 140 ? text.substring(0, 140) + "…" : text);
    }

    /** Every text a learner reads: notebooks, docs-ko (without the glossary), the labs' and solutions' texts and code. */
    private static List<Path> texts() {
        List<Path> files = new ArrayList<>();
        files.addAll(walk(ROOT.resolve("notebooks"), p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")));
        files.addAll(walk(ROOT.resolve("docs-ko"), p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("용어집.md")));
        files.addAll(walk(ROOT.resolve("labs"), p -> !p.toString().contains("/target/")
                && (p.toString().endsWith(".ko.md") || p.toString().endsWith(".java"))));
        files.addAll(walk(ROOT.resolve("solutions"), p -> !p.toString().contains("/target/") && p.toString().endsWith(".java")));
        assertThat(files).as("읽을 글이 없습니다. course.root(%s)가 저장소 루트인가요?", ROOT).isNotEmpty();
        return files;
    }

    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("읽지 못했습니다: " + file, e);
        }
    }
}
