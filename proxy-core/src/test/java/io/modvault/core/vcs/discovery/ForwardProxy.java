package io.modvault.core.vcs.discovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward proxy on 127.0.0.1 that makes any host name (git.example.test) reach local servers:
 * absolute-form http requests are piped to the plain origin, {@code CONNECT} tunnels to the TLS
 * origin when one is set and are refused (502) otherwise. Records the first request line of
 * every connection, so tests can prove what was, or was not, attempted.
 */
final class ForwardProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final int httpOrigin;
    private volatile int tlsOrigin = -1;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ForwardProxy(int httpOrigin) throws IOException {
        this.httpOrigin = httpOrigin;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static ForwardProxy to(int httpOriginPort) throws IOException {
        return new ForwardProxy(httpOriginPort);
    }

    /** From now on, CONNECT requests tunnel to this local port. */
    void tunnelTo(int port) {
        tlsOrigin = port;
    }

    /** HTTP_PROXY and HTTPS_PROXY pointing here. */
    Map<String, String> env() {
        String url = "http://127.0.0.1:" + socket.getLocalPort();
        return Map.of("HTTP_PROXY", url, "HTTPS_PROXY", url);
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            byte[] head = readHead(client.getInputStream());
            String line = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            requestLines.add(line);
            OutputStream out = client.getOutputStream();
            if (line.startsWith("CONNECT ")) {
                int port = tlsOrigin;
                if (port < 0) {
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    client.close();
                    return;
                }
                Socket upstream = connect(port);
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                pipe(client, upstream);
            } else {
                Socket upstream = connect(httpOrigin);
                upstream.getOutputStream().write(head);
                pipe(client, upstream);
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private Socket connect(int port) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(upstream);
        return upstream;
    }

    /** The request head up to and including the blank line, read byte by byte so nothing more is consumed. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 65536) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in request head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static void pipe(Socket a, Socket b) {
        Thread.ofVirtual().start(() -> copy(a, b));
        copy(b, a);
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sockets.forEach(ForwardProxy::closeQuietly);
    }
}
