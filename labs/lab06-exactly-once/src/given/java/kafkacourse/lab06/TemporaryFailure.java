package kafkacourse.lab06;

/**
 * A failure that goes away when you try again, e.g. the payment gateway timed out (given). Thrown by an
 * {@link OrderHandler}; the processor must abort the transaction and process the same orders again.
 */
public class TemporaryFailure extends RuntimeException {

    public TemporaryFailure(String message) {
        super(message);
    }
}
