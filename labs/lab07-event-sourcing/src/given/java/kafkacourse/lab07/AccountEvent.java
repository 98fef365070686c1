package kafkacourse.lab07;

/**
 * 은행 계좌에 일어난 일 하나 (주어진 코드: 여기서 할 일은 없습니다). 계좌 ID 를 레코드 키로, {@link #toValue()} 를
 * 값으로 저장합니다. 예: 키 {@code acc-1}, 값 {@code DEPOSITED 20000}. 값에는 계좌 ID 가 다시 들어 있지 않습니다:
 * 이벤트와 계좌를 잇는 것은 키뿐입니다.
 */
public record AccountEvent(String accountId, Type type, long amount) {

    public enum Type { OPENED, DEPOSITED, WITHDRAWN }

    public static AccountEvent opened(String accountId) {
        return new AccountEvent(accountId, Type.OPENED, 0);
    }

    public static AccountEvent deposited(String accountId, long amount) {
        return new AccountEvent(accountId, Type.DEPOSITED, amount);
    }

    public static AccountEvent withdrawn(String accountId, long amount) {
        return new AccountEvent(accountId, Type.WITHDRAWN, amount);
    }

    /** 레코드 값. 예: {@code WITHDRAWN 5000}. */
    public String toValue() {
        return type + " " + amount;
    }

    /** 이 키와 이 값으로 저장된 이벤트. */
    public static AccountEvent parse(String key, String value) {
        String[] parts = value.split(" ");
        return new AccountEvent(key, Type.valueOf(parts[0]), Long.parseLong(parts[1]));
    }
}
