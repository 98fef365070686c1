package kafkacourse.lab08;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data and a recording handler shared by the Kafka and RabbitMQ tests. */
final class Orders {

    static final List<String> LIFECYCLE = List.of("created", "paid", "shipped");

    private Orders() {
    }

    /** {@code count} orders, each created → paid → shipped, interleaved: o-1 created, o-2 created, ..., o-1 paid, ... */
    static List<OrderEvent> interleaved(int count) {
        List<OrderEvent> events = new ArrayList<>();
        for (String event : LIFECYCLE) {
            for (int i = 1; i <= count; i++) {
                events.add(new OrderEvent("o-" + i, event));
            }
        }
        return events;
    }

    /** One "created" event per order. */
    static List<OrderEvent> jobs(int count) {
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(new OrderEvent("o-" + i, "created"));
        }
        return events;
    }

    /**
     * Records what every worker received and answers from a script: the outcome of an order's first delivery
     * (default DONE); a RETRY order is DONE on its later deliveries, a POISON order stays POISON.
     */
    static final class Recorder {
        record Seen(String worker, Delivery delivery) {
        }

        final Map<String, Outcome> firstDelivery;
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();

        Recorder(Map<String, Outcome> firstDelivery) {
            this.firstDelivery = firstDelivery;
        }

        OrderHandler worker(String name) {
            return delivery -> {
                seen.add(new Seen(name, delivery));
                String id = delivery.order().orderId();
                Outcome scripted = firstDelivery.getOrDefault(id, Outcome.DONE);
                Outcome outcome = scripted == Outcome.RETRY && delivery.deliveryCount() > 1 ? Outcome.DONE : scripted;
                if (outcome == Outcome.DONE) {
                    done.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                }
                return outcome;
            };
        }

        int doneCount() {
            return done.size();
        }

        /** Orders that were DONE more than once (a work queue must not do a job twice here). */
        List<String> doneTwice() {
            return done.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).sorted().toList();
        }

        long deliveriesOf(String orderId) {
            return seen.stream().filter(s -> s.delivery().order().orderId().equals(orderId)).count();
        }

        int maxDeliveryCountOf(String orderId) {
            return seen.stream().filter(s -> s.delivery().order().orderId().equals(orderId))
                    .mapToInt(s -> s.delivery().deliveryCount()).max().orElse(0);
        }

        Map<String, Long> perWorker() {
            Map<String, Long> m = new java.util.TreeMap<>();
            seen.forEach(s -> m.merge(s.worker(), 1L, Long::sum));
            return m;
        }
    }
}
