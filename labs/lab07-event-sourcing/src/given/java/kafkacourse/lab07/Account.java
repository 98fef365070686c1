package kafkacourse.lab07;

/**
 * The current state of an account, derived from its events (given; nothing to do here). Never stored as such: it
 * is what you get by applying the account's events in order, starting from {@link #empty(String)}.
 *
 * @param version how many events have been applied
 */
public record Account(String id, long balance, int version) {

    public static Account empty(String id) {
        return new Account(id, 0, 0);
    }

    /** The state after one more event. Events must come in the order they happened. */
    public Account apply(AccountEvent event) {
        if (!event.accountId().equals(id)) {
            throw new IllegalArgumentException("계좌 " + id + " 에 다른 계좌(" + event.accountId() + ")의 이벤트를 적용하려 했습니다");
        }
        return switch (event.type()) {
            case OPENED -> {
                if (version != 0) {
                    throw new IllegalStateException("계좌 " + id + " 가 두 번 개설되었습니다 (이벤트를 두 번 적용했나요?)");
                }
                yield new Account(id, 0, 1);
            }
            case DEPOSITED -> new Account(id, balance + event.amount(), version + 1);
            case WITHDRAWN -> {
                if (event.amount() > balance) {
                    throw new IllegalStateException("계좌 " + id + " 잔액 " + balance + " 보다 많은 " + event.amount()
                            + " 을 출금: 이벤트 순서가 뒤바뀌지 않았나요?");
                }
                yield new Account(id, balance - event.amount(), version + 1);
            }
        };
    }
}
