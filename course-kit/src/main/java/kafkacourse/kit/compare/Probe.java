package kafkacourse.kit.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Is a server answering its own protocol yet? One short, time-limited try each (no client library needed). */
final class Probe {

    private static final int TIMEOUT_MS = 1500;

    private Probe() {
    }

    /** AMQP 0-9-1: after the protocol header the broker sends connection.start, a METHOD frame (type 1). */
    static boolean amqp(int port) {
        return exchange(port, new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1}, reply -> reply.length > 0 && reply[0] == 1);
    }

    /** Redis: PING answers +PONG. */
    static boolean redis(int port) {
        return exchange(port, "PING\r\n".getBytes(StandardCharsets.US_ASCII),
                reply -> new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG"));
    }

    /** ElasticMQ: the SQS query API answers ListQueues with 200. */
    static boolean sqs(int port) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(TIMEOUT_MS)).build();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?Action=ListQueues"))
                    .timeout(Duration.ofMillis(TIMEOUT_MS)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exchange(int port, byte[] request, java.util.function.Predicate<byte[]> ok) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            return n > 0 && ok.test(java.util.Arrays.copyOf(buf, n));
        } catch (IOException e) {
            return false;
        }
    }
}
