package kafkacourse.kit.junit;

import java.time.Duration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafkacourse.kit.names.UniqueNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DeleteShareGroupsOptions;
import org.apache.kafka.clients.admin.DeleteTopicsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Deletes what a graded run created on a cluster that outlives it (the learner's {@code ./course cluster up}, a
 * workshop cluster): the topics and the consumer and share groups named by {@link UniqueNames}, also when tests
 * failed. Without it every run leaves its topics and groups behind and a cluster used for weeks slows down (every
 * broker reloads every group at start). Transactional ids cannot be deleted through the Admin API; the course
 * cluster lets idle ones expire after an hour ({@code transactional.id.expiration.ms}, see docs-ko/cluster-settings.md).
 * Never fails the run: a resource that cannot be deleted is reported in one Korean line.
 */
public final class LeftoverSweeper {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private LeftoverSweeper() {
    }

    /** What was deleted, for a kit test and the run's last line. */
    public record Swept(List<String> topics, List<String> groups) {
        public boolean isEmpty() {
            return topics.isEmpty() && groups.isEmpty();
        }
    }

    /** Deletes every topic and group on the cluster whose name this JVM's {@link UniqueNames} handed out. */
    public static Swept sweep(Admin admin) {
        return sweep(admin, UniqueNames.issued());
    }

    static Swept sweep(Admin admin, Set<String> issued) {
        if (issued.isEmpty()) {
            return new Swept(List.of(), List.of());
        }
        List<String> groups = List.of();
        List<String> topics = List.of();
        try {
            Collection<GroupListing> listed = get(admin.listGroups().all());
            List<String> share = listed.stream().filter(g -> g.type().filter(GroupType.SHARE::equals).isPresent())
                    .map(GroupListing::groupId).filter(id -> UniqueNames.isIssued(id, issued)).toList();
            List<String> consumer = listed.stream().filter(g -> g.type().filter(t -> t == GroupType.CLASSIC || t == GroupType.CONSUMER).isPresent()
                            || g.type().isEmpty())
                    .map(GroupListing::groupId).filter(id -> UniqueNames.isIssued(id, issued)).toList();
            // The whole limit for each call, so a request that timed out is retried within it: deleting a share group
            // first deletes its state in the share coordinator, which took longer than one 5 s request on a busy machine.
            int limitMs = (int) LIMIT.toMillis();
            deleteEach(admin.deleteConsumerGroups(consumer, new DeleteConsumerGroupsOptions().timeoutMs(limitMs)).deletedGroups().values(), "컨슈머 그룹");
            deleteEach(admin.deleteShareGroups(share, new DeleteShareGroupsOptions().timeoutMs(limitMs)).deletedGroups().values(), "공유 그룹");
            groups = java.util.stream.Stream.concat(consumer.stream(), share.stream()).toList();

            topics = get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()).stream()
                    .filter(t -> UniqueNames.isIssued(t, issued)).sorted().toList();
            deleteEach(admin.deleteTopics(topics, new DeleteTopicsOptions().timeoutMs(limitMs)).topicNameValues().values(), "토픽");
        } catch (RuntimeException e) {
            System.err.println("[강좌 클러스터] 채점이 만든 토픽·그룹을 지우지 못했습니다(다음 채점에는 영향 없음): " + e.getMessage());
        }
        return new Swept(topics, groups);
    }

    private static void deleteEach(Collection<? extends KafkaFuture<Void>> futures, String what) {
        // One Admin call deletes them all, so one failure usually repeats for each: one line per distinct reason.
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (KafkaFuture<Void> f : futures) {
            try {
                f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException || e.getCause() instanceof UnknownTopicOrPartitionException) {
                    continue; // already gone: a retried request whose first attempt did delete it
                }
                // e.g. a group that still has a member (a consumer a failed test did not close): it expires later.
                failures.merge("지우지 못했습니다: " + e.getCause().getMessage(), 1, Integer::sum);
            } catch (TimeoutException e) {
                failures.merge("삭제가 " + LIMIT.toSeconds() + "초 안에 끝나지 않았습니다.", 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        failures.forEach((reason, count) -> System.err.println("[강좌 클러스터] " + what + " " + count + "개를 " + reason));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(LIMIT.toSeconds() + "초 안에 응답이 없습니다");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("중단되었습니다");
        }
    }
}
