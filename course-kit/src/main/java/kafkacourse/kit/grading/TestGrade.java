package kafkacourse.kit.grading;

/** One graded test in grade.json. */
public record TestGrade(String id, String displayName, int points, boolean passed) {
}
