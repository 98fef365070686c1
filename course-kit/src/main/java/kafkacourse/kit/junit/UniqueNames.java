package kafkacourse.kit.junit;

import java.util.concurrent.ThreadLocalRandom;

import kafkacourse.kit.cluster.ClusterException;

/**
 * Topic, group and transactional-id names that never collide: between tests, between runs on a reused cluster,
 * and between learners of a workshop sharing one cluster ({@code COURSE_LEARNER} prefix).
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** e.g. {@code orders-4f3a9c1e}, or {@code kim-orders-4f3a9c1e} when {@code COURSE_LEARNER=kim}. */
    public static String of(String base) {
        return learnerPrefix() + base + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /**
     * {@code "<COURSE_LEARNER>-"} or {@code ""}. Kafka topic, group and transactional-id names allow only ASCII
     * letters, digits, '.', '_' and '-', so a learner name that becomes their prefix must too (a Korean name would
     * otherwise fail later with a confusing InvalidTopicException).
     */
    public static String learnerPrefix() {
        return prefixFor(System.getenv("COURSE_LEARNER"));
    }

    /** The name prefix for a learner name (see {@link #learnerPrefix()}); fails in Korean on an unusable name. */
    public static String prefixFor(String learner) {
        if (learner == null || learner.isBlank()) {
            return "";
        }
        if (!learner.strip().matches("[A-Za-z0-9._-]{1,40}")) {
            throw new ClusterException("""
                    COURSE_LEARNER='%s' 는 토픽·그룹 이름 앞에 붙기 때문에 영문자, 숫자, '.', '_', '-' 만 쓸 수 있습니다(40자 이내).
                      예: COURSE_LEARNER=kim-minsu""".formatted(learner));
        }
        return learner.strip() + "-";
    }
}
