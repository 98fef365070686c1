package kafkacourse.kit.cluster;

import java.util.Optional;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Kafka's security errors told in Korean, for the place a learner sees them (the kit's connection check, a failed
 * lab test, a notebook cell): what happened and what to do. {@link #explain} returns empty for other errors.
 */
public final class SecurityErrors {

    private SecurityErrors() {
    }

    /** A Korean explanation of the first security error in {@code thrown}'s cause chain, if there is one. */
    public static Optional<String> explain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Optional<String> text = explainOne(t);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> explainOne(Throwable t) {
        if (t instanceof SaslAuthenticationException) {
            // Kafka says the same for a wrong password and an unknown user, on purpose: it never tells which.
            return Optional.of("""
                    [인증 실패] 브로커가 로그인을 거부했습니다: 사용자 이름 또는 비밀번호가 틀렸습니다(없는 사용자도 같은 오류).
                      확인: %s 가 가리키는 client.properties 의 sasl.jaas.config (username, password) 가 강사가 준 파일 그대로인지.
                      Kafka 원문: %s""".formatted(ExternalKafkaCluster.CLIENT_CONFIG_ENV, t.getMessage()));
        }
        if (t instanceof AuthenticationException) {
            return Optional.of("""
                    [인증 실패] 브로커와 인증 절차를 마치지 못했습니다 (보안 프로토콜이나 SASL 방식이 클러스터와 다릅니다).
                      확인: client.properties 의 security.protocol=SASL_PLAINTEXT, sasl.mechanism=SCRAM-SHA-512.
                      Kafka 원문: %s""".formatted(t.getMessage()));
        }
        if (t instanceof TopicAuthorizationException e) {
            String topics = e.unauthorizedTopics() == null || e.unauthorizedTopics().isEmpty() ? "" : " " + e.unauthorizedTopics();
            return Optional.of("""
                    [권한 없음] 이 토픽%s 에 접근할 권한이 없습니다 (TopicAuthorizationException).
                      워크숍 클러스터에서는 자기 이름으로 시작하는 토픽(예: %s...)만 만들고 읽고 쓸 수 있습니다.
                      확인: COURSE_LEARNER 가 로그인한 사용자 이름과 같은지, 다른 사람의 토픽을 쓰고 있지 않은지."""
                    .formatted(topics, prefixHint()));
        }
        if (t instanceof GroupAuthorizationException e) {
            return Optional.of("""
                    [권한 없음] 컨슈머 그룹 %s 에 들어갈 권한이 없습니다 (GroupAuthorizationException).
                      워크숍 클러스터에서는 자기 이름으로 시작하는 그룹(예: %s...)만 쓸 수 있습니다."""
                    .formatted(e.groupId() == null ? "" : e.groupId(), prefixHint()));
        }
        if (t instanceof TransactionalIdAuthorizationException) {
            return Optional.of("""
                    [권한 없음] 이 transactional.id 를 쓸 권한이 없습니다 (TransactionalIdAuthorizationException).
                      워크숍 클러스터에서는 자기 이름으로 시작하는 transactional.id(예: %s...)만 쓸 수 있습니다.""".formatted(prefixHint()));
        }
        if (t instanceof ClusterAuthorizationException) {
            return Optional.of("""
                    [권한 없음] 클러스터 전체에 대한 작업(계정·ACL 관리 등)은 강사만 할 수 있습니다 (ClusterAuthorizationException).
                      Kafka 원문: %s""".formatted(t.getMessage()));
        }
        if (t instanceof AuthorizationException) {
            return Optional.of("[권한 없음] 이 작업을 할 권한이 없습니다: " + t.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A connection that timed out without any answer: on a SASL listener that is what a client without security
     * settings sees (the broker closes the connection at the first non-SASL request).
     */
    public static Optional<String> explainSilence(Throwable thrown, boolean clientHasSecurity) {
        boolean timeout = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            timeout |= t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException;
        }
        if (!timeout || clientHasSecurity) {
            return Optional.empty();
        }
        return Optional.of("""
                브로커가 응답하지 않았습니다. 클러스터가 인증(SASL)을 요구하는데 보안 설정 없이(PLAINTEXT) 접속했을 수 있습니다.
                  해결: 강사가 준 client.properties 를 지정하세요: export %s=/경로/client.properties
                        (브로커가 꺼져 있어도 같은 증상입니다: 주소와 포트도 확인하세요)""".formatted(ExternalKafkaCluster.CLIENT_CONFIG_ENV));
    }

    private static String prefixHint() {
        String learner = System.getenv("COURSE_LEARNER");
        return learner == null || learner.isBlank() ? "learner07-" : learner.strip() + "-";
    }
}
