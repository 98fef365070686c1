package kafkacourse.lab10;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * DB 연결 하나(주어진 코드). {@link #run} / {@link #call} 한 번이 DB 트랜잭션 하나입니다: 일이 끝나면 커밋하고, 예외가 나면
 * 롤백합니다. 트랜잭션의 경계마다 장애 지점("역할: 트랜잭션 시작", "역할: 커밋 직전", "역할: 커밋 직후")을 부릅니다.
 */
public final class DbSession implements AutoCloseable {

    public static final String BEGIN = "트랜잭션 시작";
    public static final String BEFORE_COMMIT = "커밋 직전";
    public static final String AFTER_COMMIT = "커밋 직후";

    /** 트랜잭션 안에서 하는 일(값 없음). */
    @FunctionalInterface
    public interface TxAction {
        void accept(Tx tx);
    }

    /** 트랜잭션 안에서 하는 일(값을 돌려줌). */
    @FunctionalInterface
    public interface TxWork<T> {
        T apply(Tx tx);
    }

    private final Connection connection;
    private final String role;
    private final CrashPoint crash;

    DbSession(Connection connection, String role, CrashPoint crash) {
        this.connection = connection;
        this.role = role;
        this.crash = crash;
    }

    /** 트랜잭션 하나: {@code db.run(tx -> { tx.update(...); tx.update(...); })} — 둘 다 커밋되거나 둘 다 롤백됩니다. */
    public void run(TxAction action) {
        call(tx -> {
            action.accept(tx);
            return null;
        });
    }

    /** 트랜잭션 하나, 값을 돌려줌: {@code List<OutboxRow> rows = db.call(tx -> tx.query(...));} */
    public <T> T call(TxWork<T> work) {
        crash.reached(role + ": " + BEGIN);
        T result;
        try {
            result = work.apply(new Tx(connection, role));
            crash.reached(role + ": " + BEFORE_COMMIT);
            commit();
        } catch (Throwable e) {
            // SimulatedCrash 도 여기로 옵니다: 프로세스가 죽으면 DB 는 끊긴 연결의 트랜잭션을 롤백합니다. 그것을 그대로 한 것입니다.
            rollbackQuietly();
            throw e;
        }
        crash.reached(role + ": " + AFTER_COMMIT);
        return result;
    }

    private void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw StorageFailure.of(role, "COMMIT", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // 연결은 어차피 끊겼습니다
        }
    }

    /** 장애 흉내: 커밋하지 않은 것은 버리고 연결을 끊습니다. */
    public void crash() {
        rollbackQuietly();
        close();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // 더 할 일이 없습니다
        }
    }

    @Override
    public String toString() {
        return role;
    }
}
