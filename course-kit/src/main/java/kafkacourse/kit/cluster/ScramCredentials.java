package kafkacourse.kit.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A SASL/SCRAM-SHA-512 user name and password of a secure course cluster: the broker's own identity, the instructor
 * or a learner. {@link #toString()} never shows the password, so a credential printed by mistake leaks nothing.
 */
public record ScramCredentials(String user, String password) {

    /** The one SCRAM mechanism of secure course clusters (the stronger of Kafka's two). */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

    public ScramCredentials {
        if (user == null || !user.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("SCRAM 사용자 이름은 영문자, 숫자, '.', '_', '-' 로 64자 이내여야 합니다: " + user);
        }
        if (password == null || password.length() < 16 || !password.matches("[A-Za-z0-9_-]+")) {
            // Base64url only: no '=', ',', '"' or ']' that would break the JAAS line or kafka-storage's --add-scram syntax.
            throw new IllegalArgumentException("SCRAM 비밀번호는 16자 이상의 영문자·숫자·'-'·'_' 여야 합니다 (사용자 " + user + ")");
        }
    }

    /** A new user with a random 32-character password (192 random bits). */
    public static ScramCredentials random(String user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new ScramCredentials(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The JAAS line a SCRAM client logs in with. */
    public String scramJaas() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(user, password);
    }

    /** {@code kafka-storage format --add-scram} value: the credential written into the metadata log before start. */
    String storageFormatArgument() {
        return MECHANISM + "=[name=" + user + ",password=" + password + "]";
    }

    /** The client settings of this user on the cluster's SASL_PLAINTEXT listener (what client.properties holds). */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.setProperty(SaslConfigs.SASL_MECHANISM, MECHANISM);
        p.setProperty(SaslConfigs.SASL_JAAS_CONFIG, scramJaas());
        return p;
    }

    /** The user and password of a client properties file's {@code sasl.jaas.config}, if it has one. */
    public static Optional<ScramCredentials> fromClientProperties(Properties p) {
        String jaas = p.getProperty(SaslConfigs.SASL_JAAS_CONFIG, "");
        Matcher u = JAAS_USER.matcher(jaas);
        Matcher pw = JAAS_PASSWORD.matcher(jaas);
        if (!u.find() || !pw.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScramCredentials(u.group(1), pw.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads a client properties file written by the kit. */
    public static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new ClusterException("클라이언트 설정 파일을 읽을 수 없습니다: " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ScramCredentials[user=" + user + ", password=(숨김)]";
    }
}
