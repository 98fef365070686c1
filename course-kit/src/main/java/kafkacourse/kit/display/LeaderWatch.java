package kafkacourse.kit.display;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Watches one partition's leader and ISR in the background (every 100 ms) and keeps a timeline of every change,
 * with your own events ({@link #mark}) in between, e.g. to see how long a failover takes:
 * <pre>{@code
 * var watch = LeaderWatch.start(cluster, topic, 0);
 * watch.mark("브로커 " + leader + " 강제 종료");
 * cluster.kill(leader);
 * int newLeader = watch.awaitLeaderOtherThan(leader, Duration.ofSeconds(30));
 * show(watch.stop());
 * }</pre>
 */
public final class LeaderWatch implements Html, AutoCloseable {

    /** One line of the timeline: time since start, what happened, leader (-1: none) and ISR at that moment. */
    public record Event(long millis, String what, int leader, List<Integer> isr) {
    }

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final KafkaCluster cluster;
    private final String topic;
    private final int partition;
    private final long startNanos = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int lastLeader = Integer.MIN_VALUE;
    private List<Integer> lastIsr = List.of();

    private LeaderWatch(KafkaCluster cluster, String topic, int partition) {
        this.cluster = cluster;
        this.topic = topic;
        this.partition = partition;
        sample();
        this.sampler = new Thread(this::loop, "leader-watch-" + topic + "-" + partition);
        sampler.setDaemon(true);
        sampler.start();
    }

    public static LeaderWatch start(KafkaCluster cluster, String topic, int partition) {
        return new LeaderWatch(cluster, topic, partition);
    }

    /** Put your own event (e.g. "브로커 2 강제 종료") on the timeline, at the current time. */
    public synchronized void mark(String what) {
        events.add(new Event(elapsedMillis(), what, lastLeader, lastIsr));
    }

    /** Current leader as last sampled (-1: no leader). */
    public synchronized int leader() {
        return lastLeader;
    }

    /** Wait until the partition is led by a broker other than {@code oldLeader}; returns the new leader. */
    public int awaitLeaderOtherThan(int oldLeader, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            int now = leader();
            if (now >= 0 && now != oldLeader) {
                return now;
            }
            pause();
        }
        throw new ClusterException(topic + "-" + partition + " 의 리더가 " + atMost.toSeconds() + "초 안에 브로커 " + oldLeader
                + " 에서 바뀌지 않았습니다. 실행 중인 브로커: " + cluster.runningNodes());
    }

    /** Milliseconds from the first event whose text contains {@code fromText} to the first later leader change. */
    public synchronized long millisFromMarkToNewLeader(String fromText) {
        Event from = events.stream().filter(e -> e.what().contains(fromText)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("타임라인에 없는 사건입니다: " + fromText));
        return events.stream().filter(e -> e.millis() >= from.millis() && e.what().startsWith("리더 변경") && e.leader() >= 0
                        && e.leader() != from.leader())
                .mapToLong(e -> e.millis() - from.millis()).findFirst().orElse(-1);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Stop sampling; returns this watch, ready to show. */
    public LeaderWatch stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        while (running) {
            pause();
            if (running) {
                sample();
            }
        }
    }

    private void sample() {
        try {
            TopicDescription d = cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(2, TimeUnit.SECONDS).get(topic);
            TopicPartitionInfo p = d.partitions().get(partition);
            int leader = p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id();
            List<Integer> isr = p.isr().stream().map(Node::id).toList();
            record(leader, isr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A sample can fail while brokers change; the next one, 100 ms later, will see the new state.
        }
    }

    private synchronized void record(int leader, List<Integer> isr) {
        if (leader != lastLeader) {
            String what = lastLeader == Integer.MIN_VALUE ? "관찰 시작" : "리더 변경 " + show(lastLeader) + " → " + show(leader);
            events.add(new Event(elapsedMillis(), what, leader, isr));
        } else if (!Objects.equals(isr, lastIsr)) {
            events.add(new Event(elapsedMillis(), "ISR 변경 " + HtmlTable.joinIds(lastIsr) + " → " + HtmlTable.joinIds(isr), leader, isr));
        }
        lastLeader = leader;
        lastIsr = isr;
    }

    private static String show(int leader) {
        return leader < 0 ? "없음" : Integer.toString(leader);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized HtmlTable table() {
        HtmlTable t = HtmlTable.of("경과(ms)", "사건", "리더", "ISR").caption(topic + "-" + partition + " 의 리더/ISR 타임라인 (100 ms 간격 관찰)");
        for (Event e : events) {
            String colour = e.what().startsWith("리더 변경") ? Palette.LEADER_BG : e.what().startsWith("ISR") ? Palette.OUT_OF_SYNC_BG
                    : e.what().equals("관찰 시작") ? null : Palette.DOWN_BG;
            t.rowColoured(colour, e.millis(), e.what(), show(e.leader()), HtmlTable.joinIds(e.isr()));
        }
        return t;
    }

    @Override
    public String html() {
        return table().html();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
