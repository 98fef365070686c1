package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kafkacourse.kit.display.Practice;

/**
 * The notebooks' "예측 → 실행 → 확인" exercises ({@link Practice}) as {@code ./course check} proves them honest, in ONE
 * execution per notebook: the committed cells run as they are, so every check sees its blank and must print ✘; right
 * after each check cell the answer overlay's wrong predictions, then its right one, are put in as new cells, each followed
 * by a copy of the check cell (✘ for every wrong one, ✔ for the right one). Only the check cells run twice or three times,
 * which costs seconds, where executing every notebook a second time with the answers would double the notebook step.
 * <p>
 * Prediction cells are the code cells whose metadata has {@code "practice": "<id>"}; the check cell of an exercise is the
 * first code cell after it that calls {@code Practice.check("<id>"}. The overlay, {@code notebooks/practice/answers/<notebook>.json},
 * maps each id to {@code {"answer": "<cell source>", "wrong": ["<cell source>", ...]}}; it lives outside the notebooks.
 */
final class NotebookPractice {

    static final String PREDICTION_KEY = "practice";
    static final String OVERLAY_KEY = "practice_overlay";
    private static final Pattern MARK = Pattern.compile("\\[연습 ([0-9A-Za-z-]+)\\] (" + Practice.PASS + "|" + Practice.FAIL + "|" + Practice.SKIPPED + ")");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookPractice() {
    }

    /** One exercise of the overlay: the right prediction and plausible wrong ones, each a cell's Java source. */
    record Exercise(String id, String answer, List<String> wrong) {
    }

    /** Which prediction a check ran with, and the mark it must print. */
    enum Role {
        BLANK("빈칸", Practice.FAIL), WRONG("오답", Practice.FAIL), ANSWER("답", Practice.PASS);

        final String korean;
        final String expected;

        Role(String korean, String expected) {
            this.korean = korean;
            this.expected = expected;
        }
    }

    /** The marks one check run printed ({@code actual} is empty when the cell printed no marker for its exercise). */
    record Verdict(String id, Role role, List<String> actual) {
        boolean ok() {
            return actual.equals(List.of(role.expected));
        }

        String shown() {
            return actual.isEmpty() ? "?" : String.join("", actual);
        }
    }

    /** The outcome for one executed notebook. */
    record Outcome(List<String> ids, List<Verdict> verdicts, List<String> problems, double overlaySeconds) {
        boolean ok() {
            return problems.isEmpty() && verdicts.stream().allMatch(Verdict::ok);
        }

        /** e.g. {@code 연습 3개: 빈칸 ✘✘✘ · 오답 ✘✘✘ · 답 ✔✔✔ (답 확인 +8.1초)}. */
        String summary() {
            if (ids.isEmpty()) {
                return "연습 없음";
            }
            StringBuilder s = new StringBuilder("연습 " + ids.size() + "개:");
            for (Role role : Role.values()) {
                String marks = verdicts.stream().filter(v -> v.role() == role).map(Verdict::shown).reduce("", String::concat);
                if (!marks.isEmpty()) {
                    s.append(role == Role.BLANK ? " " : " · ").append(role.korean).append(' ').append(marks);
                }
            }
            if (overlaySeconds > 0) {
                s.append(String.format(" (답 확인 +%.1f초)", overlaySeconds));
            }
            return s.toString();
        }

        List<String> failures() {
            List<String> all = new ArrayList<>(problems);
            verdicts.stream().filter(v -> !v.ok()).forEach(v -> all.add(String.format("연습 %s (%s): %s 이어야 하는데 %s",
                    v.id(), v.role().korean, v.role().expected, v.actual().isEmpty() ? "확인 표시가 없습니다" : String.join(" ", v.actual()))));
            return all;
        }
    }

    static Path overlayFile(Path notebooks, String notebook) {
        return notebooks.resolve("practice").resolve("answers").resolve(notebook.replaceAll("\\.ipynb$", "") + ".json");
    }

    static ObjectNode read(Path notebook) throws IOException {
        return (ObjectNode) JSON.readTree(notebook.toFile());
    }

    static void write(ObjectNode notebook, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), notebook);
    }

    /** The exercise ids of a notebook, in cell order (its prediction cells). */
    static List<String> exerciseIds(ObjectNode notebook) {
        List<String> ids = new ArrayList<>();
        for (JsonNode cell : notebook.withArray("cells")) {
            if (isCode(cell) && cell.path("metadata").hasNonNull(PREDICTION_KEY) && !cell.path("metadata").has(OVERLAY_KEY)) {
                ids.add(cell.path("metadata").path(PREDICTION_KEY).asText());
            }
        }
        return ids;
    }

    /** The overlay of a notebook, when it has one. */
    static Optional<Map<String, Exercise>> overlay(Path notebooks, String notebook) throws IOException {
        Path file = overlayFile(notebooks, notebook);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(file.toFile());
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (!v.path("answer").isTextual()) {
                throw new IllegalArgumentException(file + ": 연습 " + e.getKey() + " 에 \"answer\"(답 셀의 자바 코드)가 없습니다");
            }
            List<String> wrong = new ArrayList<>();
            v.path("wrong").forEach(w -> wrong.add(w.asText()));
            exercises.put(e.getKey(), new Exercise(e.getKey(), v.path("answer").asText(), List.copyOf(wrong)));
        }
        return Optional.of(exercises);
    }

    /**
     * A copy of {@code notebook} in which, after each exercise's check cell, every wrong prediction and then the right
     * one are put in, each followed by a copy of the check cell.
     *
     * @throws IllegalArgumentException when an exercise has no check cell
     */
    static ObjectNode withOverlay(ObjectNode notebook, Map<String, Exercise> overlay) {
        ObjectNode copy = notebook.deepCopy();
        ArrayNode cells = copy.withArray("cells");
        ArrayNode result = JSON.createArrayNode();
        String pending = null;                        // the exercise whose prediction cell came last
        for (JsonNode cell : cells) {
            result.add(cell);
            if (!isCode(cell)) {
                continue;
            }
            if (cell.path("metadata").hasNonNull(PREDICTION_KEY)) {
                pending = cell.path("metadata").path(PREDICTION_KEY).asText();
            } else if (pending != null && source(cell).contains("Practice.check(\"" + pending + "\"")) {
                Exercise exercise = overlay.get(pending);
                if (exercise != null) {
                    for (int i = 0; i < exercise.wrong().size(); i++) {
                        addRun(result, cell, exercise, Role.WRONG, i + 1, exercise.wrong().get(i));
                    }
                    addRun(result, cell, exercise, Role.ANSWER, 0, exercise.answer());
                }
                pending = null;
            }
        }
        copy.set("cells", result);
        List<String> covered = new ArrayList<>();
        for (JsonNode cell : result) {
            if (cell.path("metadata").path(OVERLAY_KEY).path("role").asText().equals(Role.ANSWER.name())) {
                covered.add(cell.path("metadata").path(OVERLAY_KEY).path("id").asText());
            }
        }
        for (String id : overlay.keySet()) {
            if (!covered.contains(id)) {
                throw new IllegalArgumentException("연습 " + id + ": 예측 셀 다음에 Practice.check(\"" + id + "\", ...) 를 부르는 확인 셀이 없습니다");
            }
        }
        return copy;
    }

    private static void addRun(ArrayNode cells, JsonNode check, Exercise exercise, Role role, int number, String prediction) {
        String label = role == Role.ANSWER ? "답" : "오답 " + number;
        ObjectNode mark = JSON.createObjectNode().put("id", exercise.id()).put("role", role.name()).put("n", number);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("cell_type", "code");
        answer.putNull("execution_count");
        answer.set("metadata", JSON.createObjectNode().set(OVERLAY_KEY, mark.deepCopy()));
        answer.set("outputs", JSON.createArrayNode());
        answer.put("source", "// [./course check] 연습 " + exercise.id() + " 의 " + label + "(notebooks/practice/answers): 아래 확인은 "
                + role.expected + " 여야 합니다\n" + prediction);
        cells.add(answer);
        ObjectNode again = check.deepCopy();
        again.remove("id");
        again.set("metadata", JSON.createObjectNode().set(OVERLAY_KEY, mark));
        again.set("outputs", JSON.createArrayNode());
        cells.add(again);
    }

    /**
     * Reads the marks out of an executed notebook. {@code overlay} present: every exercise needs blank ✘, each wrong
     * prediction ✘ and the answer ✔; absent (the committed notebook alone): blank ✘ only.
     */
    static Outcome outcome(ObjectNode executed, Optional<Map<String, Exercise>> overlay) {
        List<String> ids = exerciseIds(executed);
        List<String> problems = new ArrayList<>();
        overlay.ifPresent(o -> {
            if (!o.keySet().equals(new java.util.LinkedHashSet<>(ids))) {
                problems.add("노트북의 예측 셀 " + ids + " 과 답 파일의 연습 " + o.keySet() + " 이 다릅니다");
            }
        });
        Map<String, Verdict> runs = new LinkedHashMap<>();
        for (String id : ids) {
            runs.put(key(id, Role.BLANK, 0), new Verdict(id, Role.BLANK, new ArrayList<>()));
            overlay.map(o -> o.get(id)).ifPresent(e -> {
                for (int i = 1; i <= e.wrong().size(); i++) {
                    runs.put(key(id, Role.WRONG, i), new Verdict(id, Role.WRONG, new ArrayList<>()));
                }
                runs.put(key(id, Role.ANSWER, 0), new Verdict(id, Role.ANSWER, new ArrayList<>()));
            });
        }
        double seconds = 0;
        for (JsonNode cell : executed.withArray("cells")) {
            if (!isCode(cell)) {
                continue;
            }
            JsonNode mark = cell.path("metadata").path(OVERLAY_KEY);
            if (!mark.isMissingNode()) {
                seconds += seconds(cell);
            }
            Role role = mark.isMissingNode() ? Role.BLANK : Role.valueOf(mark.path("role").asText());
            int number = mark.path("n").asInt(0);
            Matcher m = MARK.matcher(streamText(cell));
            while (m.find()) {
                Verdict v = runs.get(key(m.group(1), role, number));
                if (v == null) {
                    problems.add("예측 셀이 없는 연습 " + m.group(1) + " 의 확인 표시가 있습니다 (" + m.group(0) + ")");
                } else {
                    v.actual().add(m.group(2));
                }
            }
        }
        return new Outcome(ids, List.copyOf(runs.values()), problems, seconds);
    }

    private static String key(String id, Role role, int n) {
        return id + "/" + role + "/" + n;
    }

    private static boolean isCode(JsonNode cell) {
        return "code".equals(cell.path("cell_type").asText());
    }

    private static String source(JsonNode cell) {
        return text(cell.path("source"));
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder s = new StringBuilder();
            node.forEach(n -> s.append(n.asText()));
            return s.toString();
        }
        return node.asText("");
    }

    private static String streamText(JsonNode cell) {
        StringBuilder s = new StringBuilder();
        for (JsonNode out : cell.path("outputs")) {
            if ("stream".equals(out.path("output_type").asText())) {
                s.append(text(out.path("text")));
            }
        }
        return s.toString();
    }

    /** How long a cell ran, from the timestamps nbclient records in its metadata (0 when absent). */
    private static double seconds(JsonNode cell) {
        JsonNode execution = cell.path("metadata").path("execution");
        try {
            Instant start = Instant.parse(execution.path("iopub.status.busy").asText());
            Instant end = Instant.parse(execution.path("shell.execute_reply").asText());
            return Duration.between(start, end).toNanos() / 1e9;
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
