package kafkacourse.kit.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka's own command-line tools (kafka-tools, the same version as the brokers), run as a child JVM on the broker
 * classpath: e.g. {@code org.apache.kafka.tools.ProducerPerformance}. The tools stay off every client classpath.
 */
public final class KafkaTools {

    public static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";

    private KafkaTools() {
    }

    /** {@code java -Xmx512m -cp <broker classpath> <mainClass> <args>}: the JVM's default JIT and GC, like the kafka-*.sh scripts. */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(BrokerRuntime.brokerClasspath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
