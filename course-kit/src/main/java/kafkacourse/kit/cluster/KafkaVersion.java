package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The kafka-clients version on the classpath, read from the {@code kafka/kafka-version.properties} resource the
 * clients jar ships (Kafka's own {@code AppInfoParser} is internal API and moved packages in 4.4).
 */
public final class KafkaVersion {

    private KafkaVersion() {
    }

    public static String clients() {
        try (InputStream in = KafkaVersion.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-clients 의 버전 파일(kafka/kafka-version.properties)이 클래스패스에 없습니다");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
