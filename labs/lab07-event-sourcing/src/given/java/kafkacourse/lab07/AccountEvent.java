package kafkacourse.lab07;

/**
 * Something that happened to a bank account (given; nothing to do here). Stored with the account id as the record
 * key and {@link #toValue()} as the value, e.g. key {@code acc-1}, value {@code DEPOSITED 20000}. The value does not
 * repeat the account id: the key is the only link between an event and its account.
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

    /** The record value, e.g. {@code WITHDRAWN 5000}. */
    public String toValue() {
        return type + " " + amount;
    }

    /** The event stored under this key with this value. */
    public static AccountEvent parse(String key, String value) {
        String[] parts = value.split(" ");
        return new AccountEvent(key, Type.valueOf(parts[0]), Long.parseLong(parts[1]));
    }
}
