package kafkacourse.lab06;

/**
 * Turns one order into its payment event (given; nothing to do here). Tests pass their own handler to make the
 * processing fail or "crash" at a chosen record.
 */
@FunctionalInterface
public interface OrderHandler {

    /** The real business step: an order {@code {"orderId":..,"amount":..}} becomes a payment event. */
    OrderHandler PAYMENTS = (orderId, orderJson) ->
            "{\"eventType\":\"PAYMENT_COMPLETED\",\"orderId\":\"%s\",\"order\":%s}".formatted(orderId, orderJson);

    /** The payment event (a JSON string) for the order with this key and value. */
    String toPayment(String orderId, String orderJson);
}
