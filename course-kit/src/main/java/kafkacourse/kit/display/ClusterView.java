package kafkacourse.kit.display;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Partitions × brokers at one moment: which broker leads each partition (★), which replicas are in sync (ISR),
 * which brokers are down, and which node is the active KRaft controller.
 * <pre>{@code
 * show(ClusterView.of(cluster, "orders"));
 * }</pre>
 * The view is a snapshot taken by {@link #of}; take a new one to see a change.
 */
public final class ClusterView implements Html {

    /** One partition's placement at snapshot time. */
    public record PartitionRow(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr) {
    }

    private final List<Integer> brokers;
    private final Set<Integer> running;
    private final Set<Integer> registered;
    private final int controller;
    private final List<PartitionRow> rows;
    private final LocalTime takenAt = LocalTime.now();

    private ClusterView(List<Integer> brokers, Set<Integer> running, Set<Integer> registered, int controller, List<PartitionRow> rows) {
        this.brokers = brokers;
        this.running = running;
        this.registered = registered;
        this.controller = controller;
        this.rows = rows;
    }

    /** A snapshot of the given topics (none: brokers and controller only). */
    public static ClusterView of(KafkaCluster cluster, String... topics) {
        Set<Integer> registered = Snapshots.registeredBrokers(cluster);
        Set<Integer> running = Snapshots.runningBrokers(cluster, registered);
        int controller = Snapshots.activeControllerOrNone(cluster);
        List<PartitionRow> rows = new ArrayList<>();
        if (topics.length > 0) {
            Map<String, TopicDescription> described = Snapshots.topics(cluster, Arrays.asList(topics));
            for (String topic : topics) {
                for (TopicPartitionInfo p : described.get(topic).partitions()) {
                    int leader = p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id();
                    rows.add(new PartitionRow(topic, p.partition(), leader,
                            p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList()));
                }
            }
        }
        return new ClusterView(List.copyOf(cluster.nodeIds()), running, registered, controller, List.copyOf(rows));
    }

    public List<PartitionRow> partitions() {
        return rows;
    }

    /** Leader of a partition in this snapshot, -1 if it had none. */
    public int leaderOf(String topic, int partition) {
        return rows.stream().filter(r -> r.topic().equals(topic) && r.partition() == partition).mapToInt(PartitionRow::leader)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("이 스냅숏에 없는 파티션입니다: " + topic + "-" + partition));
    }

    /** How many partitions each broker leads in this snapshot (how evenly the load is spread). */
    public Map<Integer, Long> leadershipCount() {
        Map<Integer, Long> count = new java.util.TreeMap<>();
        brokers.forEach(b -> count.put(b, rows.stream().filter(r -> r.leader() == b).count()));
        return count;
    }

    private String brokerState(int b) {
        if (!running.contains(b)) {
            return "✖ 중지됨";
        }
        return registered.contains(b) ? "● 실행 중" : "… 합류 중";
    }

    @Override
    public String html() {
        StringBuilder h = new StringBuilder("<table style=\"" + Palette.TABLE + "\">");
        h.append("<caption style=\"").append(Palette.CAPTION).append("\">클러스터 ")
                .append(takenAt.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS"))).append(" 기준 · KRaft 컨트롤러 리더: ")
                .append(controller < 0 ? "<span style=\"color:" + Palette.DOWN + "\">없음(쿼럼 상실)</span>" : "노드 " + controller)
                .append("</caption><tr><th style=\"").append(Palette.TH).append("\">파티션</th>");
        for (int b : brokers) {
            boolean down = !running.contains(b);
            h.append("<th style=\"").append(Palette.TH).append(down ? ";background:" + Palette.DOWN_BG : "").append("\">브로커 ").append(b)
                    .append(b == controller ? " ⚑" : "").append("<br><span style=\"font-weight:normal;font-size:11px;color:")
                    .append(down ? Palette.DOWN : Palette.MUTED).append("\">").append(brokerState(b)).append("</span></th>");
        }
        h.append("<th style=\"").append(Palette.TH).append("\">리더</th><th style=\"").append(Palette.TH).append("\">ISR</th></tr>");
        for (PartitionRow r : rows) {
            h.append("<tr><td style=\"").append(Palette.TD).append(";font-weight:bold\">").append(Html.escape(r.topic())).append('-')
                    .append(r.partition()).append("</td>");
            for (int b : brokers) {
                h.append(cell(r, b));
            }
            h.append("<td style=\"").append(Palette.TD).append("\">")
                    .append(r.leader() < 0 ? "<b style=\"color:" + Palette.DOWN + "\">없음</b>" : r.leader())
                    .append("</td><td style=\"").append(Palette.TD).append("\">").append(HtmlTable.joinIds(r.isr())).append("</td></tr>");
        }
        h.append("</table>");
        if (!rows.isEmpty()) {
            h.append("<div style=\"font-family:sans-serif;font-size:11px;color:").append(Palette.MUTED)
                    .append("\">★ 리더: 쓰기·읽기를 받는 복제본 · ✓ ISR 안 팔로워 · △ ISR 밖 팔로워(따라잡는 중) · ⚑ KRaft 컨트롤러</div>");
        }
        return h.toString();
    }

    private String cell(PartitionRow r, int b) {
        String style = Palette.TD;
        String text;
        boolean down = !running.contains(b);
        if (!r.replicas().contains(b)) {
            text = "";
        } else if (r.leader() == b) {
            style += ";background:" + (down ? Palette.DOWN_BG : Palette.LEADER_BG) + ";color:" + Palette.LEADER + ";font-weight:bold";
            text = down ? "★ 리더 (응답 없음)" : "★ 리더";
        } else if (r.isr().contains(b)) {
            style += ";background:" + (down ? Palette.DOWN_BG : Palette.FOLLOWER_BG);
            text = "✓ 팔로워";
        } else {
            style += ";background:" + (down ? Palette.DOWN_BG : Palette.OUT_OF_SYNC_BG) + ";color:" + Palette.MUTED;
            text = "△ ISR 밖";
        }
        return "<td style=\"" + style + "\">" + text + "</td>";
    }

    @Override
    public String toString() {
        HtmlTable t = HtmlTable.of(header());
        for (PartitionRow r : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(r.topic() + "-" + r.partition());
            for (int b : brokers) {
                cells.add(!r.replicas().contains(b) ? "" : r.leader() == b ? "★리더" : r.isr().contains(b) ? "✓" : "△");
            }
            cells.add(r.leader() < 0 ? "없음" : Integer.toString(r.leader()));
            cells.add(HtmlTable.joinIds(r.isr()));
            t.row(cells.toArray());
        }
        StringBuilder states = new StringBuilder();
        brokers.forEach(b -> states.append("브로커 ").append(b).append(' ').append(brokerState(b)).append(b == controller ? " ⚑" : "").append("  "));
        return states.toString().trim() + "\n" + t;
    }

    private String[] header() {
        List<String> h = new ArrayList<>(List.of("파티션"));
        brokers.forEach(b -> h.add("브로커 " + b));
        h.add("리더");
        h.add("ISR");
        return h.toArray(String[]::new);
    }
}
