package kafkacourse.lab04;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producer settings for each acks level, and the topic settings that make acks=all mean "durable". */
public final class AcksConfigs {

    private AcksConfigs() {
    }

    /** Given: what every producer of this lab shares. Bounded timeouts so that no send can hang a test. */
    public static Properties base(Properties cluster) {
        Properties p = new Properties();
        p.putAll(cluster);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // send() blocks at most 5 s waiting for metadata (e.g. a topic that does not exist).
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // One request to a broker may take at most 1.5 s before the producer gives up on it and retries.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
        // A record is reported as failed at most 5 s after send(), retries included.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }

    /** TODO 1-1: acks=0. */
    public static Properties fireAndForget(Properties cluster) {
        Properties p = base(cluster);
        // No answer at all: the fastest, and the producer never learns whether the broker stored the record.
        p.put(ProducerConfig.ACKS_CONFIG, "0");
        return p;
    }

    /** TODO 1-2: acks=1. */
    public static Properties leaderOnly(Properties cluster) {
        Properties p = base(cluster);
        // The leader's own log only: followers copy the record later, possibly never.
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        return p;
    }

    /** TODO 1-3: acks=all, idempotent, ordered. */
    public static Properties allReplicas(Properties cluster) {
        Properties p = base(cluster);
        // The leader answers once every in-sync replica has the record (and at least min.insync.replicas do).
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries carry a producer id and sequence number: the broker drops a retried batch it already has.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Up to 5 requests in flight keep their order with idempotence (the broker rejects out-of-sequence batches).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return p;
    }

    /** TODO 4: topic settings under which an acks=all acknowledgement means "on at least two replicas". */
    public static Map<String, String> durableTopic() {
        return Map.of(
                // acks=all is refused (not acknowledged) unless at least 2 replicas are in sync.
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2",
                // Never make an out-of-sync replica leader (Kafka's default, stated on purpose).
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
    }
}
