package io.modvault.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A corporate egress proxy on 127.0.0.1 that demands {@code Proxy-Authorization: Basic} (407
 * otherwise) and makes made-up host names reach local servers: {@code CONNECT name:443} is
 * tunnelled to a local port, terminating TLS with a test certificate on the way when the route
 * says so (so a plain fake upstream becomes an https origin signed by a test CA); absolute-form
 * {@code GET http://name/…} is forwarded with {@code Connection: close}. Every request is recorded
 * with whether it carried the right credentials. Unknown names get 502.
 */
public final class EgressProxy implements AutoCloseable {

    /** What the proxy was asked, and whether the credentials were right. */
    public record Request(String requestLine, boolean authorized) {}

    private record Route(int port, SSLContext tls) {}

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private EgressProxy(String user, String password, ServerSocket server) {
        this.expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = server;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** A proxy accepting exactly {@code user}/{@code password}. */
    public static EgressProxy start(String user, String password) throws IOException {
        return new EgressProxy(user, password, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** An {@code https://} proxy: clients speak TLS to it, and it shows {@code tls}'s certificate. */
    public static EgressProxy startTls(String user, String password, SSLContext tls) throws IOException {
        return new EgressProxy(
                user,
                password,
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** {@code host:port} (as clients name it) reaches 127.0.0.1:{@code localPort} unchanged. */
    public EgressProxy route(String hostPort, int localPort) {
        routes.put(hostPort.toLowerCase(Locale.ROOT), new Route(localPort, null));
        return this;
    }

    /** {@code host:port} is a TLS origin: the tunnel's TLS ends here with {@code tls}, plain bytes go on. */
    public EgressProxy routeTls(String hostPort, int plainLocalPort, SSLContext tls) {
        routes.put(hostPort.toLowerCase(Locale.ROOT), new Route(plainLocalPort, tls));
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String requestLine = head.getFirst();
                boolean authorized = head.stream()
                        .skip(1)
                        .anyMatch(h -> h.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)
                                && h.substring(20).strip().equals(expectedAuthorization));
                requests.add(new Request(requestLine, authorized));
                if (!authorized) {
                    // Keep-alive, like squid: the JDK client answers on the same connection.
                    write(
                            out,
                            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                                    + "Proxy-Authenticate: Basic realm=\"egress\"\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                String[] parts = requestLine.split(" ");
                if (parts[0].equals("CONNECT")) {
                    tunnel(client, parts[1]);
                } else {
                    forward(out, head, parts);
                }
                return;
            }
        } catch (IOException e) {
            // the client or origin went away; nothing to report
        }
    }

    private void tunnel(Socket client, String hostPort) throws IOException {
        Route route = routes.get(hostPort.toLowerCase(Locale.ROOT));
        if (route == null) {
            write(client.getOutputStream(), "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
        Socket clientSide = client;
        if (route.tls() != null) {
            SSLSocket tls =
                    (SSLSocket) route.tls().getSocketFactory().createSocket(client, client.getInputStream(), true);
            tls.setUseClientMode(false);
            clientSide = tls;
        }
        try (Socket origin = new Socket(InetAddress.getLoopbackAddress(), route.port())) {
            open.add(origin);
            pipe(clientSide, origin);
        }
    }

    private void forward(OutputStream out, List<String> head, String[] parts) throws IOException {
        String target = parts[1].substring(parts[1].indexOf("://") + 3);
        int slash = target.indexOf('/');
        String hostPort = slash < 0 ? target : target.substring(0, slash);
        if (!hostPort.contains(":")) {
            hostPort += ":80";
        }
        Route route = routes.get(hostPort.toLowerCase(Locale.ROOT));
        if (route == null) {
            write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        StringBuilder request = new StringBuilder(
                parts[0] + " " + (slash < 0 ? "/" : target.substring(slash)) + " " + parts[2] + "\r\n");
        for (String header : head.subList(1, head.size())) {
            String name = header.substring(0, Math.max(0, header.indexOf(':'))).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
                request.append(header).append("\r\n");
            }
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket origin = new Socket(InetAddress.getLoopbackAddress(), route.port())) {
            write(origin.getOutputStream(), request.toString());
            origin.getInputStream().transferTo(out);
        }
    }

    /** Copies both ways until either side closes. */
    private static void pipe(Socket a, Socket b) throws IOException {
        Thread upstream = Thread.ofVirtual().start(() -> {
            try {
                a.getInputStream().transferTo(b.getOutputStream());
                b.shutdownOutput();
            } catch (IOException e) {
                // the other direction notices
            }
        });
        try {
            b.getInputStream().transferTo(a.getOutputStream());
        } finally {
            a.close();
            b.close();
            upstream.interrupt();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(c);
            }
        }
        return List.of();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
