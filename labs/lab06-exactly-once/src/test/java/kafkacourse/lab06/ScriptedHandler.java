package kafkacourse.lab06;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OrderHandler} that does the real payment step, and once armed, interrupts the second order of one
 * {@code processOnce} round (test helper). The second order of a round is chosen so that the transaction already
 * holds one sent payment when the interruption happens.
 */
final class ScriptedHandler implements OrderHandler {

    private int callsThisRound;
    private int calls;
    private Runnable interruption;
    private final List<String> sentBeforeInterruption = new ArrayList<>();
    private final List<String> thisRound = new ArrayList<>();
    private boolean interrupted;

    /** Call before every {@code processOnce}. */
    void newRound() {
        callsThisRound = 0;
        thisRound.clear();
    }

    /** At the second order of the next round that has two, run {@code action} (it may throw) before handling it. */
    void armOnce(Runnable action) {
        interruption = action;
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Orders of the interrupted round that were handled (and so sent) before the interruption. */
    List<String> sentBeforeInterruption() {
        return List.copyOf(sentBeforeInterruption);
    }

    int calls() {
        return calls;
    }

    @Override
    public String toPayment(String orderId, String orderJson) {
        calls++;
        callsThisRound++;
        if (interruption != null && callsThisRound == 2) {
            Runnable action = interruption;
            interruption = null;
            interrupted = true;
            sentBeforeInterruption.addAll(thisRound);
            action.run();
        }
        thisRound.add(orderId);
        return PAYMENTS.toPayment(orderId, orderJson);
    }
}
