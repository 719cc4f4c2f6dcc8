package io.modvault.core.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A socket-level HTTP/1.1 responder on 127.0.0.1 for what a real server will not do: bodies cut
 * short, stalls, or acting as a forward proxy that records absolute-form and CONNECT requests.
 * One request per connection; the socket closes when the script returns.
 */
final class RawHttpServer implements AutoCloseable {

    record RequestHead(String requestLine, Map<String, String> headers) {}

    interface Script {
        void respond(RequestHead head, OutputStream out, RawHttpServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<RequestHead> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private RawHttpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static RawHttpServer start(Script script) throws IOException {
        return new RawHttpServer(script);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<RequestHead> requests() {
        return List.copyOf(requests);
    }

    /** Sleeps up to {@code millis}, or less if the server is closed first. */
    void pause(long millis) throws InterruptedException {
        closing.await(millis, TimeUnit.MILLISECONDS);
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.add(connection);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            RequestHead head = readHead(connection.getInputStream());
            requests.add(head);
            script.respond(head, connection.getOutputStream(), this);
        } catch (IOException | InterruptedException e) {
            // the client went away or the test is over
        }
    }

    private static RequestHead readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && bytes.size() < 64 * 1024) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the request head ended");
            }
            bytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new RequestHead(lines[0], headers);
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
