package kafkacourse.lab10;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * outbox 테이블의 한 행(주어진 코드). {@code tx.query("SELECT " + OutboxRow.COLUMNS + " FROM outbox ...", OutboxRow::read)}.
 *
 * @param seq         만든 순서 (작을수록 먼저)
 * @param eventId     이벤트 ID (기본 키)
 * @param aggregateId 이벤트가 속한 주문의 ID: Kafka 레코드의 키
 * @param eventType   ORDER_CREATED, ORDER_PAID, ORDER_SHIPPED
 * @param payload     Kafka 레코드의 값 ({@link OrderEvent#toJson()})
 */
public record OutboxRow(long seq, UUID eventId, String aggregateId, String eventType, String payload) {

    /** {@link #read} 가 읽는 열, 이 순서로. */
    public static final String COLUMNS = "seq, event_id, aggregate_id, event_type, payload";

    public static OutboxRow read(ResultSet row) throws SQLException {
        return new OutboxRow(row.getLong("seq"), row.getObject("event_id", UUID.class), row.getString("aggregate_id"),
                row.getString("event_type"), row.getString("payload"));
    }
}
