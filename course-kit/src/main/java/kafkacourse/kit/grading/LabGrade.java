package kafkacourse.kit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A lab's grade as written to {@code target/grade.json}:
 * {@code {"lab":"lab01-pubsub","score":N,"max":M,"tests":[{"id":..,"displayName":..,"points":P,"passed":true}],
 * "sources":"learner","observations":[..],"measurements":[..]}}. {@code observations} and {@code measurements} are the
 * {@code [관찰]} and {@code [측정]} lines the tests reported (shown, never graded). {@code sources} says what was graded: the learner's {@code labs/<lab>/src/main/java}
 * ({@value #LEARNER}) or the reference {@code solutions/} ({@value #SOLUTIONS}, {@code -Psolutions}); only learner runs
 * count towards the course total.
 */
public record LabGrade(String lab, int score, int max, List<TestGrade> tests, String sources,
                       List<String> observations, List<String> measurements) {

    public static final String LEARNER = "learner";
    public static final String SOLUTIONS = "solutions";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LabGrade {
        tests = List.copyOf(tests);
        observations = observations == null ? List.of() : List.copyOf(observations); // absent in older grade.json files
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** A grade of the learner's sources. */
    public static LabGrade of(String lab, List<TestGrade> tests) {
        return of(lab, tests, LEARNER);
    }

    public static LabGrade of(String lab, List<TestGrade> tests, String sources) {
        int score = tests.stream().filter(TestGrade::passed).mapToInt(TestGrade::points).sum();
        int max = tests.stream().mapToInt(TestGrade::points).sum();
        return new LabGrade(lab, score, max, tests, sources, List.of(), List.of());
    }

    /** This grade with the lines the tests reported while they ran. */
    public LabGrade withReports(List<String> observations, List<String> measurements) {
        return new LabGrade(lab, score, max, tests, sources, observations, measurements);
    }

    /** What this JVM grades: {@code -Dcourse.sources} (set by the lab build; {@code -Psolutions} sets "solutions"). */
    public static String gradedSources() {
        String sources = System.getProperty("course.sources", LEARNER).strip();
        return sources.isEmpty() ? LEARNER : sources;
    }

    /** A grade of the learner's own code (a file without {@code sources}, from an older kit, is not trusted). */
    public boolean ofLearner() {
        return LEARNER.equals(sources);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static LabGrade read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LabGrade.class);
    }

    public long passedCount() {
        return tests.stream().filter(TestGrade::passed).count();
    }
}
