package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./course check --verdicts}: executes nothing; reads the executed copies of the last {@code ./course check} and
 * fails unless every chapter notebook has 2–3 exercises with an answer overlay, and every exercise showed blank ✘,
 * wrong ✘ and answer ✔ (a copy executed with {@code --no-practice} has no answer runs, so it does not count).
 */
final class PracticeReport {

    static final int MIN_EXERCISES = 2;
    static final int MAX_EXERCISES = 3;

    private PracticeReport() {
    }

    private static void say(String line) {
        System.out.println("[노트북 연습 점검] " + line);
    }

    static int report(Path notebooks, Path executed, List<String> selected) throws IOException {
        List<String> names = selected.isEmpty() ? chapterNotebooks(notebooks) : selected.stream().map(s -> Path.of(s).getFileName().toString()).toList();
        List<String> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String nb : names) {
            List<String> mine = new ArrayList<>();
            if (!Files.isRegularFile(notebooks.resolve(nb))) {
                problems.add(nb + ": 노트북이 없습니다");
                continue;
            }
            List<String> ids = NotebookPractice.exerciseIds(NotebookPractice.read(notebooks.resolve(nb)));
            if (ids.size() < MIN_EXERCISES || ids.size() > MAX_EXERCISES) {
                mine.add("연습이 " + ids.size() + "개입니다(장마다 " + MIN_EXERCISES + "~" + MAX_EXERCISES + "개)");
            }
            Optional<Map<String, NotebookPractice.Exercise>> overlay = NotebookPractice.overlay(notebooks, nb);
            if (overlay.isEmpty()) {
                mine.add("답 파일이 없습니다: " + notebooks.relativize(NotebookPractice.overlayFile(notebooks, nb)));
            }
            String summary = "실행본 없음";
            Path copy = executed.resolve(nb);
            if (!Files.isRegularFile(copy)) {
                mine.add("실행본이 없습니다(" + copy + "): 먼저 ./course check " + nb);
            } else if (overlay.isPresent()) {
                NotebookPractice.Outcome outcome = NotebookPractice.outcome(NotebookPractice.read(copy), overlay);
                summary = outcome.summary();
                mine.addAll(outcome.failures());
            }
            rows.add(String.format("%-28s %s%s", nb, mine.isEmpty() ? "통과  " : "실패  ", summary));
            mine.forEach(m -> problems.add(nb + ": " + m));
        }
        say("결과 (실행본: " + executed + ")");
        rows.forEach(r -> System.out.println("  " + r));
        if (!problems.isEmpty()) {
            problems.forEach(p -> say("실패: " + p));
            return 1;
        }
        say("모든 장의 연습이 빈칸과 오답에서는 ✘, 답을 넣으면 ✔ 입니다.");
        return 0;
    }

    private static List<String> chapterNotebooks(Path notebooks) throws IOException {
        try (Stream<Path> files = Files.list(notebooks)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
    }
}
