package kafkacourse.lab06;

/**
 * The process "dies" in the middle of a transaction (test helper). An {@link Error}, not an exception, so that
 * ordinary error handling (catch of {@code KafkaException} or {@code RuntimeException}) does not clean it up: like
 * kill -9, nothing gets to abort or commit.
 */
final class SimulatedCrash extends Error {

    SimulatedCrash() {
        super("장애 흉내: 트랜잭션 도중에 프로세스가 죽었습니다");
    }
}
