package kafkacourse.kit.display;

import kafkacourse.kit.cluster.KafkaCluster;
import org.apache.kafka.clients.admin.QuorumInfo;

/**
 * The KRaft metadata quorum: the controller voters, which one leads, and how far each has replicated the
 * {@code __cluster_metadata} log. This is what replaced ZooKeeper (removed in Kafka 4.0).
 */
public final class QuorumView implements Html {

    private final QuorumInfo info;

    private QuorumView(QuorumInfo info) {
        this.info = info;
    }

    public static QuorumView of(KafkaCluster cluster) {
        return new QuorumView(Snapshots.get(cluster.admin().describeMetadataQuorum().quorumInfo(), "KRaft 쿼럼 조회"));
    }

    public int leaderId() {
        return info.leaderId();
    }

    public long leaderEpoch() {
        return info.leaderEpoch();
    }

    public HtmlTable table() {
        long leaderEnd = info.voters().stream().filter(v -> v.replicaId() == info.leaderId())
                .mapToLong(QuorumInfo.ReplicaState::logEndOffset).findFirst().orElse(info.highWatermark());
        long now = System.currentTimeMillis();
        HtmlTable t = HtmlTable.of("노드", "역할", "메타데이터 로그 끝 offset", "리더보다 뒤처짐", "마지막 동기화")
                .caption("KRaft 메타데이터 쿼럼 · 리더 노드 " + info.leaderId() + " · epoch " + info.leaderEpoch()
                        + " · high watermark " + info.highWatermark());
        for (QuorumInfo.ReplicaState v : info.voters()) {
            boolean leader = v.replicaId() == info.leaderId();
            String caughtUp = v.lastCaughtUpTimestamp().isPresent() ? (now - v.lastCaughtUpTimestamp().getAsLong()) + " ms 전" : "-";
            t.rowColoured(leader ? Palette.LEADER_BG : null, v.replicaId(), leader ? "★ 컨트롤러 리더" : "투표자(팔로워)",
                    v.logEndOffset(), Math.max(0, leaderEnd - v.logEndOffset()), leader ? "-" : caughtUp);
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
