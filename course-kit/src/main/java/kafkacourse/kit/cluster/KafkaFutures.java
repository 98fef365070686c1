package kafkacourse.kit.cluster;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaFuture;

/** Waiting for a Kafka Admin result with a time limit, every failure told as a Korean {@link ClusterException}. */
public final class KafkaFutures {

    /** How long any Admin call of the kit may take. */
    public static final Duration LIMIT = Duration.ofSeconds(30);

    private KafkaFutures() {
    }

    /**
     * The future's value, or empty when it failed because the thing asked about does not exist (yet), e.g.
     * {@code GroupIdNotFoundException} for a group whose first member has not joined. {@link ClusterException} keeps
     * only the cause's text, so callers cannot look for the type afterwards: this is the place to ask.
     */
    public static <T> java.util.Optional<T> getUnlessAbsent(KafkaFuture<T> future, String what, Class<? extends Throwable> absent) {
        try {
            return java.util.Optional.of(await(future, what, LIMIT));
        } catch (ExecutionException e) {
            if (absent.isInstance(e.getCause())) {
                return java.util.Optional.empty();
            }
            throw failed(what, e);
        }
    }

    /** The future's value; {@code what} names the operation in the message, e.g. {@code "토픽 orders 조회"}. */
    public static <T> T get(KafkaFuture<T> future, String what) {
        return get(future, what, LIMIT);
    }

    /** The same with its own time limit (e.g. a notebook view that should answer quickly). */
    public static <T> T get(KafkaFuture<T> future, String what, Duration limit) {
        try {
            return await(future, what, limit);
        } catch (ExecutionException e) {
            throw failed(what, e);
        }
    }

    /** Waits at most {@code limit}; an interrupt or the time running out become Korean messages, a failure stays as it is. */
    private static <T> T await(KafkaFuture<T> future, String what, Duration limit) throws ExecutionException {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(what + " 중에 중단되었습니다.");
        } catch (TimeoutException e) {
            throw new ClusterException(what + "이(가) " + limit.toSeconds() + "초 안에 끝나지 않았습니다. 클러스터 주소와 상태를 확인하세요"
                    + " (로컬 클러스터: ./course cluster status).");
        }
    }

    private static ClusterException failed(String what, ExecutionException e) {
        return new ClusterException(what + "에 실패했습니다: " + e.getCause().getMessage(), e.getCause());
    }
}
