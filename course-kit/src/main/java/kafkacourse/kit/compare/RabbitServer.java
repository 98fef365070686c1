package kafkacourse.kit.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ (the installed {@code rabbitmq-server}) with everything of its own: its own epmd on a private port (never
 * the machine's 4369), its own Erlang cookie ({@code HOME} is this directory), no plugins, all listeners on 127.0.0.1.
 * Ports: AMQP, Erlang distribution, epmd.
 */
final class RabbitServer extends QueueServer {

    static final String USER = "course";
    static final String PASSWORD = "course";

    RabbitServer(Path dir, List<Integer> ports) {
        super(dir, ports);
    }

    @Override
    ServerKind kind() {
        return ServerKind.RABBITMQ;
    }

    private int distPort() {
        return ports.get(1);
    }

    private int epmdPort() {
        return ports.get(2);
    }

    @Override
    List<ManagedProcess> processes() {
        return List.of(
                new ManagedProcess("RabbitMQ epmd", dir.resolve("epmd.pid"), dir.resolve("epmd.log"), "-port " + epmdPort()),
                // The Erlang VM's command line carries "-home <dir>".
                new ManagedProcess("RabbitMQ", dir.resolve("server.pid"), dir.resolve("rabbitmq.log"), dir.toString()));
    }

    @Override
    void launch(Path binary, long ownerPid) {
        try {
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            Files.writeString(dir.resolve("rabbitmq.conf"), """
                    listeners.tcp.1 = 127.0.0.1:%d
                    default_user = %s
                    default_pass = %s
                    log.console = true
                    log.file = false
                    """.formatted(port(), USER, PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launched.add(processes().get(0).start(List.of(epmd(), "-port", Integer.toString(epmdPort()), "-address", "127.0.0.1"),
                Map.of(), dir));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString()); // Erlang keeps its cookie in $HOME/.erlang.cookie: this server's own
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort()));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODENAME", "course@localhost");
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port()));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort()));
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_LOGS", "-");
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.erl.pid").toString());
        // The script then execs the Erlang VM instead of staying as a shell parent: one process, one pid file.
        env.put("RUNNING_UNDER_SYSTEMD", "true");
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1} -kernel inet_dist_listen_min "
                        + distPort() + " -kernel inet_dist_listen_max " + distPort());
        launched.add(main().start(List.of(binary.toString()), env, dir));
    }

    /** Erlang's port mapper, run in the foreground as our child (never {@code -daemon}, which would outlive us). */
    private static String epmd() {
        java.util.stream.Stream<Path> path = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "epmd"));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("/usr/bin/epmd"), Path.of("/usr/lib/erlang/bin/epmd")), path)
                .filter(Files::isExecutable).findFirst().map(Path::toString).orElse("epmd");
    }

    @Override
    boolean ready() {
        return Probe.amqp(port());
    }
}
