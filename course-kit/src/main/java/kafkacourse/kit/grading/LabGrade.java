package kafkacourse.kit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A lab's grade as written to {@code target/grade.json}:
 * {@code {"lab":"lab01-pubsub","score":N,"max":M,"tests":[{"id":..,"displayName":..,"points":P,"passed":true}]}}.
 */
public record LabGrade(String lab, int score, int max, List<TestGrade> tests) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static LabGrade of(String lab, List<TestGrade> tests) {
        int score = tests.stream().filter(TestGrade::passed).mapToInt(TestGrade::points).sum();
        int max = tests.stream().mapToInt(TestGrade::points).sum();
        return new LabGrade(lab, score, max, List.copyOf(tests));
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
