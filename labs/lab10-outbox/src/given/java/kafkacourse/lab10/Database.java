package kafkacourse.lab10;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;

/**
 * 한 서비스의 데이터베이스(주어진 코드): H2, 파일 하나, 같은 JVM 안에서 돕니다. 데이터는 파일에 있으므로 연결을 모두
 * 닫았다 다시 열어도("재시작") 커밋된 것은 남고, 커밋되지 않은 것은 사라집니다. 구성 요소마다 {@link #connect} 로 자기
 * 연결({@link DbSession})을 엽니다: 재시작은 새 연결입니다.
 */
public final class Database {

    /** 다른 트랜잭션이 잡은 행을 기다리는 최대 시간. 넘으면 {@link StorageFailure} (멈춰 있지 않고 알림). */
    public static final int LOCK_TIMEOUT_MS = 3_000;

    private final JdbcDataSource source;
    private final String name;

    private Database(Path file, String name) {
        this.name = name;
        this.source = new JdbcDataSource();
        // MODE=PostgreSQL: SQL 문법을 PostgreSQL 쪽에 맞춤. LOCK_TIMEOUT: 잠긴 행을 기다리는 시간(ms).
        source.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS);
        source.setUser("sa");
    }

    /** 주문 서비스의 DB: 주문(orders)과 아웃박스(outbox) 테이블. 파일이 없으면 만듭니다. */
    public static Database orders(Path file) {
        return create(file, "주문 DB", Schema.ORDERS);
    }

    /** 이벤트를 받는 쪽(주문 이력 서비스)의 DB: 처리한 이벤트(processed_events)와 주문 이력(order_timeline). */
    public static Database timeline(Path file) {
        return create(file, "이력 DB", Schema.TIMELINE);
    }

    private static Database create(Path file, String name, String ddl) {
        Database db = new Database(file, name);
        try (Connection c = db.source.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw StorageFailure.of(name + " 만들기", ddl, e);
        }
        return db;
    }

    /** 이 DB 에 새 연결을 엽니다. {@code role} 은 메시지와 장애 지점의 이름("중계기", "이력 서비스")이 됩니다. */
    public DbSession connect(String role, CrashPoint crash) {
        try {
            Connection c = source.getConnection();
            c.setAutoCommit(false);
            return new DbSession(c, role, crash);
        } catch (SQLException e) {
            throw StorageFailure.of(role + " 연결", source.getURL(), e);
        }
    }

    public DbSession connect(String role) {
        return connect(role, CrashPoint.NONE);
    }

    @Override
    public String toString() {
        return name;
    }
}
