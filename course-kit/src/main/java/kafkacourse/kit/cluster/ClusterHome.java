package kafkacourse.kit.cluster;

import java.nio.file.Path;

/** Where clusters live: the interactive course cluster in the course home, test clusters under target/. */
public final class ClusterHome {

    private ClusterHome() {
    }

    /**
     * The one course home of every component (cluster, kernel files, Jupyter environment): {@code $KAFKA_COURSE_HOME}
     * or {@code <user home>/.kafka-course}.
     */
    public static Path courseHome() {
        String env = System.getenv("KAFKA_COURSE_HOME");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : userHome().resolve(".kafka-course");
    }

    /**
     * The user's home as Jupyter and the shell see it: {@code $HOME} when set (Java's {@code user.home} comes from
     * the password database on Unix and ignores a changed {@code HOME}), else {@code user.home} (Windows).
     */
    public static Path userHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath();
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
