package kafkacourse.lab07;

/**
 * 이벤트로부터 얻는 계좌의 현재 상태 (주어진 코드: 여기서 할 일은 없습니다). 이 상태 자체는 저장하지 않습니다.
 * {@link #empty(String)} 에서 시작해 계좌의 이벤트를 순서대로 적용하면 얻어지는 것입니다.
 *
 * @param version 지금까지 적용한 이벤트 수
 */
public record Account(String id, long balance, int version) {

    public static Account empty(String id) {
        return new Account(id, 0, 0);
    }

    /** 이벤트 하나를 더 적용한 상태. 이벤트는 일어난 순서대로 와야 합니다. */
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
