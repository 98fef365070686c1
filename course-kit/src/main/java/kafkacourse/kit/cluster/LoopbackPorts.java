package kafkacourse.kit.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, all held open together while choosing so that no two are the same. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** {@code count} distinct ports that were free a moment ago (a broker that then loses the race is retried). */
    public static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new ClusterException("빈 포트를 찾지 못했습니다.", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a probe socket that will not close changes nothing
                }
            }
        }
    }
}
