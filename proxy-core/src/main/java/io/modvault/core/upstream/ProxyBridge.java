package io.modvault.core.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain HTTP proxy on 127.0.0.1 that relays through a proxy the JDK client cannot use itself
 * ({@code socks5://} or {@code https://}, see {@link ProxyHops}): {@code CONNECT} becomes a tunnel
 * through that proxy, an absolute-form request is sent on with {@code Connection: close}. The JDK
 * client is pointed at it with {@link #localUrl()}, whose random credentials the bridge demands
 * (407 otherwise), so no other local process can use it to borrow modvault's egress. A failed hop
 * answers 502 and is logged at WARN with its reason (the JDK reports only the status).
 */
final class ProxyBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyBridge.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProxyUrl proxy;
    private final SSLSocketFactory tls;
    private final Duration timeout;
    private final ServerSocket server;
    private final ProxyUrl local;
    private final String expectedAuthorization;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private ProxyBridge(ProxyUrl proxy, SSLSocketFactory tls, Duration timeout) throws IOException {
        this.proxy = proxy;
        this.tls = tls;
        this.timeout = timeout;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        PasswordAuthentication credentials = new PasswordAuthentication(
                "modvault", HexFormat.of().formatHex(secret).toCharArray());
        this.local = new ProxyUrl("http", "127.0.0.1", server.getLocalPort(), Optional.of(credentials));
        this.expectedAuthorization = ProxyHops.basicAuthorization(local).orElseThrow();
        Thread.ofPlatform().daemon().name("proxy-bridge-" + proxy.address()).start(this::acceptLoop);
    }

    /** Starts a bridge to {@code proxy}; {@code tls} checks an https proxy's certificate. */
    static ProxyBridge start(ProxyUrl proxy, SSLSocketFactory tls, Duration timeout) {
        try {
            return new ProxyBridge(proxy, tls, timeout);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot listen on 127.0.0.1 for the " + proxy.scheme() + " proxy bridge", e);
        }
    }

    /** Where the JDK client should send its proxy requests, with the credentials the bridge wants. */
    ProxyUrl localUrl() {
        return local;
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
            List<String> head = ProxyHops.readHead(in);
            while (!head.isEmpty() && !authorized(head)) {
                write(
                        out,
                        "HTTP/1.1 407 Proxy Authentication Required\r\n"
                                + "Proxy-Authenticate: Basic realm=\"modvault\"\r\nContent-Length: 0\r\n\r\n");
                head = ProxyHops.readHead(in);
            }
            if (head.isEmpty()) {
                return;
            }
            String[] request = head.getFirst().split(" ");
            if (request.length != 3) {
                write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            } else if (request[0].equals("CONNECT")) {
                tunnel(client, request[1]);
            } else {
                forward(client, head, request);
            }
        } catch (IOException e) {
            // the client or the proxy went away mid-stream: the JDK client reports it
        } finally {
            open.remove(client);
        }
    }

    private boolean authorized(List<String> head) {
        return head.stream()
                .skip(1)
                .anyMatch(h -> h.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)
                        && h.substring(20).strip().equals(expectedAuthorization));
    }

    private void tunnel(Socket client, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        Socket hop = hop(client, target.substring(0, colon).replaceAll("^\\[|]$", ""), port(target, colon, 443));
        if (hop != null) {
            write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
            pipe(client, hop);
        }
    }

    private void forward(Socket client, List<String> head, String[] request) throws IOException {
        String url = request[1];
        int start = url.indexOf("://") + 3;
        int slash = url.indexOf('/', start);
        String authority = slash < 0 ? url.substring(start) : url.substring(start, slash);
        StringBuilder sent = new StringBuilder();
        Socket hop;
        if (proxy.scheme().equals("https")) {
            // An HTTPS proxy takes the request in absolute form, with its own credentials.
            hop = connectOrAnswer502(client, () -> ProxyHops.tlsToProxy(proxy, tls, timeout), authority);
            sent.append(request[0])
                    .append(' ')
                    .append(url)
                    .append(' ')
                    .append(request[2])
                    .append("\r\n");
            ProxyHops.basicAuthorization(proxy)
                    .ifPresent(
                            a -> sent.append("Proxy-Authorization: ").append(a).append("\r\n"));
        } else {
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon > authority.lastIndexOf(']');
            String host = (hasPort ? authority.substring(0, colon) : authority).replaceAll("^\\[|]$", "");
            hop = hop(client, host, hasPort ? port(authority, colon, 80) : 80);
            sent.append(request[0])
                    .append(' ')
                    .append(slash < 0 ? "/" : url.substring(slash))
                    .append(' ')
                    .append(request[2])
                    .append("\r\n");
        }
        if (hop == null) {
            return;
        }
        for (String header : head.subList(1, head.size())) {
            String name = header.substring(0, Math.max(0, header.indexOf(':'))).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
                sent.append(header).append("\r\n");
            }
        }
        write(hop.getOutputStream(), sent.append("Connection: close\r\n\r\n").toString());
        pipe(client, hop);
    }

    private interface Connect {
        Socket open() throws IOException;
    }

    private Socket hop(Socket client, String host, int port) throws IOException {
        return connectOrAnswer502(client, () -> ProxyHops.open(proxy, tls, host, port, timeout), host + ":" + port);
    }

    /** The hop's socket, or null after answering 502 and logging why. */
    private Socket connectOrAnswer502(Socket client, Connect connect, String target) throws IOException {
        try {
            Socket hop = connect.open();
            open.add(hop);
            return hop;
        } catch (IOException e) {
            LOG.warn("egress to {} failed: {}", target, e.getMessage());
            write(
                    client.getOutputStream(),
                    "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return null;
        }
    }

    private static int port(String hostPort, int colon, int otherwise) {
        try {
            return colon < 0 ? otherwise : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Copies both ways until either side is done, then closes both. */
    private void pipe(Socket client, Socket hop) throws IOException {
        Thread upload = Thread.ofVirtual().start(() -> {
            try {
                client.getInputStream().transferTo(hop.getOutputStream());
                hop.shutdownOutput();
            } catch (IOException e) {
                // the download side sees the end too
            }
        });
        try (hop) {
            hop.getInputStream().transferTo(client.getOutputStream());
        } finally {
            open.remove(hop);
            client.close();
            upload.interrupt();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public String toString() {
        return "ProxyBridge[" + proxy + " via 127.0.0.1:" + server.getLocalPort() + "]";
    }
}
