package kafkacourse.kit.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group at one moment: which member owns which partition, the committed offset, the partition's end
 * offset and the lag between them (records written but not yet processed by the group).
 * <pre>{@code
 * show(GroupView.of(cluster, "payment-service"));
 * }</pre>
 */
public final class GroupView implements Html {

    /** One partition as the group sees it. {@code committed} is -1 when the group has not committed yet. */
    public record PartitionLag(TopicPartition partition, String owner, long committed, long endOffset) {
        public long lag() {
            return endOffset - Math.max(committed, 0);
        }
    }

    private final String groupId;
    private final String state;
    private final List<String> members;
    private final List<PartitionLag> rows;

    private GroupView(String groupId, String state, List<String> members, List<PartitionLag> rows) {
        this.groupId = groupId;
        this.state = state;
        this.members = members;
        this.rows = rows;
    }

    public static GroupView of(KafkaCluster cluster, String groupId) {
        ConsumerGroupDescription group = Snapshots.get(cluster.admin().describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId),
                "컨슈머 그룹 " + groupId + " 조회");
        Map<TopicPartition, OffsetAndMetadata> committed = Snapshots.get(
                cluster.admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), "그룹 " + groupId + " 의 커밋 오프셋 조회");
        Map<TopicPartition, String> owners = new HashMap<>();
        List<String> members = new ArrayList<>();
        for (MemberDescription m : group.members().stream().sorted(Comparator.comparing(MemberDescription::clientId)).toList()) {
            members.add(m.clientId());
            m.assignment().topicPartitions().forEach(tp -> owners.put(tp, m.clientId()));
        }
        Set<TopicPartition> partitions = new TreeSet<>(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        partitions.addAll(owners.keySet());
        committed.forEach((tp, om) -> {
            if (om != null) {
                partitions.add(tp);
            }
        });
        Map<TopicPartition, Long> end = partitions.isEmpty() ? Map.of() : Snapshots.get(
                cluster.admin().listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all(),
                "끝 오프셋 조회").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        List<PartitionLag> rows = partitions.stream().map(tp -> new PartitionLag(tp, owners.getOrDefault(tp, ""),
                committed.get(tp) == null ? -1 : committed.get(tp).offset(), end.getOrDefault(tp, 0L))).toList();
        String state = group.groupState() == null ? "?" : group.groupState().toString();
        return new GroupView(groupId, state, List.copyOf(members), rows);
    }

    public List<PartitionLag> partitions() {
        return rows;
    }

    public long totalLag() {
        return rows.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** Partitions owned by each member (member client.id → partitions). */
    public Map<String, List<Integer>> assignment() {
        Map<String, List<Integer>> a = new LinkedHashMap<>();
        members.forEach(m -> a.put(m, new ArrayList<>()));
        rows.stream().filter(r -> !r.owner().isEmpty()).forEach(r -> a.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r.partition().partition()));
        return a;
    }

    @Override
    public String html() {
        long maxLag = Math.max(1, rows.stream().mapToLong(PartitionLag::lag).max().orElse(1));
        StringBuilder h = new StringBuilder("<table style=\"" + Palette.TABLE + "\"><caption style=\"" + Palette.CAPTION + "\">컨슈머 그룹 <code>")
                .append(Html.escape(groupId)).append("</code> · 상태 ").append(Html.escape(state)).append(" · 멤버 ").append(members.size())
                .append("명 · 총 lag ").append(String.format("%,d", totalLag())).append("</caption><tr>");
        for (String col : List.of("파티션", "담당 컨슈머", "커밋된 offset", "끝 offset", "lag")) {
            h.append("<th style=\"").append(Palette.TH).append("\">").append(col).append("</th>");
        }
        h.append("</tr>");
        for (PartitionLag r : rows) {
            int idx = members.indexOf(r.owner());
            String chip = r.owner().isEmpty() ? "<span style=\"color:" + Palette.MUTED + "\">(없음)</span>"
                    : "<span style=\"background:" + Palette.series(idx) + ";color:white;border-radius:8px;padding:1px 8px\">" + Html.escape(r.owner()) + "</span>";
            int bar = (int) Math.round(120.0 * r.lag() / maxLag);
            h.append("<tr><td style=\"").append(Palette.TD).append(";font-weight:bold\">").append(Html.escape(r.partition().toString()))
                    .append("</td><td style=\"").append(Palette.TD).append("\">").append(chip)
                    .append("</td><td style=\"").append(Palette.TD).append(";text-align:right\">").append(r.committed() < 0 ? "-" : String.format("%,d", r.committed()))
                    .append("</td><td style=\"").append(Palette.TD).append(";text-align:right\">").append(String.format("%,d", r.endOffset()))
                    .append("</td><td style=\"").append(Palette.TD).append(";text-align:left;white-space:nowrap\"><span style=\"display:inline-block;height:10px;width:")
                    .append(bar).append("px;background:").append(Palette.series(1)).append("\"></span> ").append(String.format("%,d", r.lag())).append("</td></tr>");
        }
        for (String idle : idleMembers()) {
            h.append("<tr><td style=\"").append(Palette.TD).append(";color:").append(Palette.MUTED).append("\">-</td><td style=\"").append(Palette.TD)
                    .append("\"><span style=\"background:").append(Palette.series(members.indexOf(idle))).append(";color:white;border-radius:8px;padding:1px 8px\">")
                    .append(Html.escape(idle)).append("</span></td><td colspan=\"3\" style=\"").append(Palette.TD).append(";color:").append(Palette.DOWN)
                    .append("\">할당된 파티션 없음 (놀고 있음)</td></tr>");
        }
        return h.append("</table>").toString();
    }

    /** Members that own no partition (more consumers than partitions). */
    public List<String> idleMembers() {
        Set<String> owners = rows.stream().map(PartitionLag::owner).collect(Collectors.toSet());
        return members.stream().filter(m -> !owners.contains(m)).toList();
    }

    /** The group's state as Kafka reports it, e.g. STABLE, EMPTY, PREPARING_REBALANCE. */
    public String state() {
        return state;
    }

    public List<String> members() {
        return members;
    }

    @Override
    public String toString() {
        HtmlTable t = HtmlTable.of("파티션", "담당 컨슈머", "커밋된 offset", "끝 offset", "lag")
                .caption("컨슈머 그룹 " + groupId + " · 상태 " + state + " · 멤버 " + members.size() + "명 · 총 lag " + totalLag());
        rows.forEach(r -> t.row(r.partition().toString(), r.owner().isEmpty() ? "(없음)" : r.owner(),
                r.committed() < 0 ? "-" : Long.toString(r.committed()), r.endOffset(), r.lag()));
        idleMembers().forEach(m -> t.row("-", m, "-", "-", "놀고 있음"));
        return t.toString();
    }
}
