package kafkacourse.kit.junit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Topic, group and transactional-id names that never collide: between tests, between runs on a reused cluster,
 * and between learners of a workshop sharing one cluster ({@code COURSE_LEARNER} prefix).
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** e.g. {@code orders-4f3a9c1e}, or {@code kim-orders-4f3a9c1e} when {@code COURSE_LEARNER=kim}. */
    public static String of(String base) {
        String learner = System.getenv("COURSE_LEARNER");
        String prefix = learner == null || learner.isBlank() ? "" : learner.strip() + "-";
        return prefix + base + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
