package kafkacourse.kit.cluster;

import java.nio.file.Path;

/** Where clusters live: the interactive course cluster in the course home, test clusters under target/. */
public final class ClusterHome {

    private ClusterHome() {
    }

    /** {@code $KAFKA_COURSE_HOME} or {@code ~/.kafka-course}. */
    public static Path courseHome() {
        String env = System.getenv("KAFKA_COURSE_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kafka-course");
    }

    /** The cluster started by {@code ./course cluster up}; notebooks and tests reuse it when it runs. */
    public static Path interactive() {
        return courseHome().resolve("cluster");
    }

    /** A test JVM's own cluster: {@code <module>/target/kafka-cluster}. */
    public static Path forTests() {
        return Path.of(System.getProperty("course.build.dir", "target")).resolve("kafka-cluster").toAbsolutePath();
    }
}
