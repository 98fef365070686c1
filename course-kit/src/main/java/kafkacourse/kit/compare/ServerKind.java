package kafkacourse.kit.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The servers chapter 3 compares with Kafka, and where to find each one's binary on this machine. */
public enum ServerKind {
    RABBITMQ("RabbitMQ", "rabbitmq-server", "course.rabbitmq.server",
            List.of("/usr/lib/rabbitmq/bin/rabbitmq-server", "/opt/homebrew/sbin/rabbitmq-server", "/usr/local/sbin/rabbitmq-server"),
            "rabbitmq-server", "rabbitmq"),
    REDIS("Redis", "redis-server", "course.redis.server",
            List.of("/usr/bin/redis-server", "/opt/homebrew/bin/redis-server", "/usr/local/bin/redis-server"),
            "redis-server", "redis"),
    /** ElasticMQ runs in a JVM from Maven Central: nothing to install. */
    SQS("SQS(ElasticMQ)", null, null, List.of(), null, null);

    private final String displayName;
    private final String binary;
    private final String overrideProperty;
    private final List<String> knownLocations;
    private final String aptPackage;
    private final String brewPackage;

    ServerKind(String displayName, String binary, String overrideProperty, List<String> knownLocations,
               String aptPackage, String brewPackage) {
        this.displayName = displayName;
        this.binary = binary;
        this.overrideProperty = overrideProperty;
        this.knownLocations = knownLocations;
        this.aptPackage = aptPackage;
        this.brewPackage = brewPackage;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The server binary: {@code -Dcourse.rabbitmq.server=...} / {@code COURSE_RABBITMQ_SERVER} (likewise for Redis)
     * when set, else the usual install locations, else {@code PATH}. Empty for ElasticMQ (a JVM, always there).
     */
    Optional<Path> binary() {
        if (binary == null) {
            return Optional.empty();
        }
        String override = System.getProperty(overrideProperty,
                System.getenv(overrideProperty.toUpperCase().replace('.', '_')));
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(dir -> Path.of(dir, binary));
        return Stream.concat(knownLocations.stream().map(Path::of), path).filter(Files::isExecutable).findFirst();
    }

    boolean needsBinary() {
        return binary != null;
    }

    /** Korean: the binary is missing, and the install command for this operating system. */
    String missingMessage() {
        return "%s 서버 실행 파일(%s)이 이 컴퓨터에 없습니다. 설치: %s".formatted(displayName, binary, installCommand());
    }

    private String installCommand() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("mac")) {
            return "brew install " + brewPackage;
        }
        if (Files.exists(Path.of("/etc/debian_version"))) {
            return "sudo apt-get install " + aptPackage;
        }
        if (Files.exists(Path.of("/etc/redhat-release"))) {
            return "sudo dnf install " + aptPackage;
        }
        return "운영체제의 패키지 관리자로 " + aptPackage + " 를 설치하세요 (또는 -D" + overrideProperty + "=<경로>)";
    }
}
