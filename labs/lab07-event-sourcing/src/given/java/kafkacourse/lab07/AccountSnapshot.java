package kafkacourse.lab07;

/**
 * A saved state of an account and where in the event log it was taken (given; nothing to do here). Loading from a
 * snapshot applies only the events stored after it.
 *
 * @param account    the state after every event before {@code nextOffset}
 * @param partition  the partition holding this account's events
 * @param nextOffset the offset of the first event NOT yet in {@code account}
 */
public record AccountSnapshot(Account account, int partition, long nextOffset) {
}
