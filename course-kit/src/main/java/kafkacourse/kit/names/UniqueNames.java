package kafkacourse.kit.names;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;


/**
 * Topic, group and transactional-id names that never collide: between tests, between runs on a reused cluster,
 * and between learners of a workshop sharing one cluster ({@code COURSE_LEARNER} prefix).
 */
public final class UniqueNames {

    /** Every name handed out in this JVM: what a graded run created, to delete when it ends. */
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private UniqueNames() {
    }

    /** e.g. {@code orders-4f3a9c1e}, or {@code kim-orders-4f3a9c1e} when {@code COURSE_LEARNER=kim}. */
    public static String of(String base) {
        String name = learnerPrefix() + base + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
        ISSUED.add(name);
        return name;
    }

    /** The names {@link #of} has handed out in this JVM so far. */
    public static Set<String> issued() {
        return Set.copyOf(ISSUED);
    }

    /** True if {@code resource} is an issued name or derived from one (e.g. {@code orders-4f3a9c1e.DLT}). */
    public static boolean isIssued(String resource, Set<String> issued) {
        for (String name : issued) {
            if (resource.equals(name) || resource.startsWith(name + ".") || resource.startsWith(name + "-")) {
                return true;
            }
        }
        return false;
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
            throw new IllegalArgumentException("""
                    COURSE_LEARNER='%s' 는 토픽·그룹 이름 앞에 붙기 때문에 영문자, 숫자, '.', '_', '-' 만 쓸 수 있습니다(40자 이내).
                      예: COURSE_LEARNER=kim-minsu""".formatted(learner));
        }
        return learner.strip() + "-";
    }
}
