package kafkacourse.kit.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code redis-server} on 127.0.0.1, nothing saved to disk (Pub/Sub and Streams live in memory here). */
final class RedisServer extends QueueServer {

    RedisServer(Path dir, List<Integer> ports) {
        super(dir, ports);
    }

    @Override
    ServerKind kind() {
        return ServerKind.REDIS;
    }

    @Override
    List<ManagedProcess> processes() {
        // redis-server rewrites its process title to "redis-server 127.0.0.1:PORT".
        return List.of(new ManagedProcess("Redis", dir.resolve("server.pid"), dir.resolve("redis.log"), "127.0.0.1:" + port()));
    }

    @Override
    void launch(Path binary, long ownerPid) {
        launched.add(main().start(List.of(binary.toString(), "--port", Integer.toString(port()), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes"), Map.of(), dir));
    }

    @Override
    boolean ready() {
        return Probe.redis(port());
    }
}
