package kafkacourse.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** 열려 있는 DB 트랜잭션 하나(주어진 코드): 얇은 JDBC 도우미. SQL 의 {@code ?} 자리에 {@code args} 가 차례로 들어갑니다. */
public final class Tx {

    /** 결과 행 하나를 객체로. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final String role;

    Tx(Connection connection, String role) {
        this.connection = connection;
        this.role = role;
    }

    /** INSERT/UPDATE/DELETE. 바뀐 행의 수를 돌려줍니다. */
    public int update(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw StorageFailure.of(role, sql, e);
        }
    }

    /** SELECT. 행마다 {@code mapper} 를 불러 목록으로 돌려줍니다. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement s = prepare(sql, args); ResultSet rows = s.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw StorageFailure.of(role, sql, e);
        }
    }

    /** SELECT 의 결과가 한 행이라도 있는가. */
    public boolean exists(String sql, Object... args) {
        return !query(sql, row -> Boolean.TRUE, args).isEmpty();
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
