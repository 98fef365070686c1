package kafkacourse.kit.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;

/**
 * A cluster the kit reaches through one Admin client and whose brokers, if at all, are killed and restarted by a
 * {@link BrokerControl} strategy: child processes ({@link LocalKafkaCluster}), docker compose or Testcontainers
 * containers ({@link ExternalKafkaCluster}, {@link TestcontainersKafkaCluster}). The one place for the client
 * settings, the node-id check, "start and wait until unfenced", restoring every node, and the meaning of ready: every
 * node registered with the controller and unfenced ({@link AdminSupport#awaitBrokers}).
 */
abstract class AdminBackedCluster implements KafkaCluster {

    private final Properties clientProperties;
    private volatile Admin admin; // made on first use, closed by close()
    private final List<Integer> nodeIds;
    private final Optional<BrokerControl> control;
    private final Duration startLimit;

    /** {@code admin}: an Admin client already made for these settings (e.g. to learn the node ids), or null. */
    AdminBackedCluster(Properties clientProperties, Admin admin, List<Integer> nodeIds, Optional<BrokerControl> control,
                       Duration startLimit) {
        this.clientProperties = clientProperties;
        this.admin = admin;
        this.nodeIds = List.copyOf(nodeIds);
        this.control = control;
        this.startLimit = startLimit;
    }

    /** An Admin client for these client settings, tuned like every Admin of the kit. */
    static Admin adminFor(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        AdminSupport.tuneAdmin(p);
        return Admin.create(p);
    }

    /** The exception for a broker operation this cluster cannot do (only called when there is no broker control). */
    abstract RuntimeException noBrokerControl(String what, int nodeId);

    /** Where to look when the brokers do not become ready and there is no broker control to ask. */
    abstract String whereToLookWithoutControl();

    @Override
    public Properties clientProperties() {
        Properties copy = new Properties();
        copy.putAll(clientProperties);
        return copy;
    }

    @Override
    public Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = adminFor(clientProperties);
                }
                a = admin;
            }
        }
        return a;
    }

    @Override
    public List<Integer> nodeIds() {
        return nodeIds;
    }

    @Override
    public Set<Integer> runningNodes() {
        if (control.isPresent()) {
            return control.get().running();
        }
        try {
            return AdminSupport.liveBrokers(admin());
        } catch (ClusterException e) {
            return Set.of();
        }
    }

    @Override
    public boolean canControlBrokers() {
        return control.isPresent();
    }

    /** The broker control, once the node id is known to be one of this cluster's. */
    private BrokerControl control(String what, int nodeId) {
        requireNode(nodeId);
        return control.orElseThrow(() -> noBrokerControl(what, nodeId));
    }

    final void requireNode(int nodeId) {
        if (!nodeIds.contains(nodeId)) {
            throw new IllegalArgumentException("이 클러스터에 없는 노드 번호입니다: " + nodeId + " (있는 노드: " + nodeIds + ")");
        }
    }

    final Optional<BrokerControl> brokerControl() {
        return control;
    }

    @Override
    public void kill(int nodeId) {
        control("강제 종료할", nodeId).kill(nodeId);
    }

    @Override
    public void stop(int nodeId) {
        control("정상 종료할", nodeId).stop(nodeId);
    }

    @Override
    public void start(int nodeId) {
        BrokerControl c = control("시작할", nodeId);
        if (!c.running().contains(nodeId)) {
            c.start(nodeId);
        }
        AdminSupport.awaitBrokers(admin(), Set.of(nodeId), startLimit, c.howToReadLog(nodeId));
    }

    @Override
    public void restoreAllNodes() {
        if (control.isEmpty()) {
            return; // nothing was stopped by the kit
        }
        Set<Integer> running = control.get().running();
        for (int id : nodeIds) {
            if (!running.contains(id)) {
                control.get().start(id);
            }
        }
        awaitAllBrokersReady();
    }

    @Override
    public void awaitAllBrokersReady() {
        AdminSupport.awaitBrokers(admin(), Set.copyOf(nodeIds), startLimit,
                control.map(BrokerControl::howToCheckAll).orElseGet(this::whereToLookWithoutControl));
    }

    /** Closes the Admin client; a subclass that owns the brokers stops them too. */
    @Override
    public void close() {
        closeAdmin();
    }

    /** Closes the Admin client, if one was made; the next {@link #admin()} makes a new one. */
    final void closeAdmin() {
        Admin a;
        synchronized (this) {
            a = admin;
            admin = null;
        }
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
