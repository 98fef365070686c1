package kafkacourse.kit.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ServerWatchdog <ownerPid> <pid>...}: a tiny JVM (JDK only) that kills the given server processes and their
 * children as soon as the owner JVM is gone, so a test JVM that is SIGKILLed leaves no RabbitMQ or Redis behind
 * (the servers are not JVMs, so they cannot watch their owner themselves like the brokers do). Exits when the owner
 * and the servers are all gone.
 */
public final class ServerWatchdog {

    private ServerWatchdog() {
    }

    public static void main(String[] args) {
        Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(args[0]));
        List<ProcessHandle> servers = Arrays.stream(args, 1, args.length)
                .map(Long::parseLong).map(ProcessHandle::of).flatMap(Optional::stream).toList();
        CompletableFuture<?> ownerGone = owner.map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null));
        CompletableFuture<?> serversGone = CompletableFuture.allOf(servers.stream().map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new));
        CompletableFuture.anyOf(ownerGone, serversGone).join();
        for (ProcessHandle server : servers) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
        System.exit(0);
    }
}
