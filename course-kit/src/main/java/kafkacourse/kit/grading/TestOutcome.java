package kafkacourse.kit.grading;

/** A graded test's result with what the learner needs to read when it failed. */
record TestOutcome(TestGrade grade, int task, Status status, String reason, String hint) {

    enum Status {
        PASSED("통과"), FAILED("실패"), SKIPPED("건너뜀");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
