package kafkacourse.kit.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kafkacourse.kit.cluster.ClusterException;

/**
 * ElasticMQ, an SQS-compatible queue, as a child JVM with the classpath the compare-runtime module recorded
 * (Scala and Pekko stay off this JVM's classpath). It halts by itself when its owner JVM is gone.
 */
final class SqsServer extends QueueServer {

    private static final String CLASSPATH_RESOURCE = "kafkacourse/compare.classpath";
    private static final String MAIN = "kafkacourse.compare.SqsMain";

    SqsServer(Path dir, List<Integer> ports) {
        super(dir, ports);
    }

    @Override
    ServerKind kind() {
        return ServerKind.SQS;
    }

    @Override
    List<ManagedProcess> processes() {
        return List.of(new ManagedProcess("SQS(ElasticMQ)", dir.resolve("server.pid"), dir.resolve("elasticmq.log"),
                MAIN + " "));
    }

    @Override
    void launch(Path ignored, long ownerPid) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath(), MAIN, Long.toString(ownerPid), Integer.toString(port())));
        launched.add(main().start(cmd, Map.of(), dir));
    }

    @Override
    boolean ready() {
        return Probe.sqs(port());
    }

    private static String classpath() {
        try (InputStream in = SqsServer.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new ClusterException("""
                        ElasticMQ 실행 파일 목록(%s)을 찾을 수 없습니다.
                          해결: 강좌 루트에서 `./course setup`(또는 `./mvnw install -DskipTests`)을 먼저 실행하세요."""
                        .formatted(CLASSPATH_RESOURCE));
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(SqsServer.class.getClassLoader().getResource(CLASSPATH_RESOURCE).toURI().getScheme().equals("jar")
                    ? jarOf() : classesDirOf()).toString();
            for (String jar : deps.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new ClusterException("ElasticMQ jar 파일이 없습니다: " + jar + "\n  해결: `./course setup` 으로 다시 내려받으세요.");
                }
            }
            return self + java.io.File.pathSeparator + deps;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new ClusterException("ElasticMQ 실행 파일 목록을 읽지 못했습니다.", e);
        }
    }

    private static String jarOf() throws java.net.URISyntaxException {
        String url = SqsServer.class.getClassLoader().getResource(CLASSPATH_RESOURCE).toString();
        return Path.of(java.net.URI.create(url.substring("jar:".length(), url.indexOf("!/")))).toString();
    }

    private static String classesDirOf() throws java.net.URISyntaxException {
        Path resource = Path.of(SqsServer.class.getClassLoader().getResource(CLASSPATH_RESOURCE).toURI());
        return resource.getParent().getParent().toString();
    }
}
