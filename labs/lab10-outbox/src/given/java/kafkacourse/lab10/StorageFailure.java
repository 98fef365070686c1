package kafkacourse.lab10;

import java.sql.SQLException;

/**
 * DB 작업이 실패했다(주어진 코드): 무엇이 일어났고 무엇을 하면 되는지 한국어로 말합니다. 트랜잭션은 이미 롤백되었습니다.
 * 잡아서 삼키지 말고 그대로 던지세요: 보내지 못한 outbox 행, 처리하지 못한 이벤트는 다음 실행이 다시 맡습니다.
 */
public final class StorageFailure extends RuntimeException {

    /** H2 의 "잠금 대기 시간 초과"(LOCK_TIMEOUT_1) 와 "동시 갱신"(CONCURRENT_UPDATE_1) 오류 번호. */
    private static final int LOCK_TIMEOUT = 50200;
    private static final int CONCURRENT_UPDATE = 90131;

    private final boolean locked;

    private StorageFailure(String message, boolean locked, Throwable cause) {
        super(message, cause);
        this.locked = locked;
    }

    /** 이 실패가 다른 트랜잭션이 행을 잡고 있어서(잠금) 생긴 것인가. */
    public boolean locked() {
        return locked;
    }

    static StorageFailure of(String role, String sql, SQLException e) {
        if (e.getErrorCode() == LOCK_TIMEOUT || e.getErrorCode() == CONCURRENT_UPDATE) {
            return new StorageFailure("""
                    [DB 잠김] %s: 다른 트랜잭션이 잡고 있는 행을 %d ms 안에 얻지 못했습니다.
                      다른 중계기나 관리 도구(열어 둔 SQL 콘솔 등)의 끝나지 않은 트랜잭션을 끝내고 다시 실행하세요.
                      이 트랜잭션은 롤백되었습니다: 아직 '보냄' 표시가 없는 outbox 행은 다음 실행에서 (다시) 보냅니다.
                      SQL: %s""".formatted(role, Database.LOCK_TIMEOUT_MS, sql), true, e);
        }
        return new StorageFailure("[DB 오류] %s: %s (H2 오류 %d)%n  SQL: %s".formatted(role, firstLine(e.getMessage()), e.getErrorCode(), sql),
                false, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
