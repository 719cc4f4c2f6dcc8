package io.modvault.core.testing;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A SOCKS5 proxy on 127.0.0.1 (RFC 1928) that accepts only user/password authentication (RFC
 * 1929) with the given pair and only domain-name targets it has a route for, which it connects to
 * on loopback: made-up host names reach local servers, and a client that resolved names itself
 * (or skipped the proxy) would fail. Records each {@code host:port} asked for.
 */
public final class SocksProxy implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] user;
    private final byte[] password;

    private record Route(int port, SSLContext tls) {}

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private SocksProxy(String user, String password) throws IOException {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public static SocksProxy start(String user, String password) throws IOException {
        return new SocksProxy(user, password);
    }

    /** {@code host:port} leads to 127.0.0.1:{@code localPort}. */
    public SocksProxy route(String hostPort, int localPort) {
        routes.put(hostPort.toLowerCase(Locale.ROOT), new Route(localPort, null));
        return this;
    }

    /** {@code host:port} is a TLS origin: TLS ends here with {@code tls}, plain bytes go on to the port. */
    public SocksProxy routeTls(String hostPort, int plainLocalPort, SSLContext tls) {
        routes.put(hostPort.toLowerCase(Locale.ROOT), new Route(plainLocalPort, tls));
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The {@code host:port} of every CONNECT that passed authentication. */
    public List<String> connects() {
        return List.copyOf(connects);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] greeting = in.readNBytes(2);
            byte[] methods = in.readNBytes(greeting[1]);
            if (greeting[0] != 5 || !contains(methods, 2)) {
                out.write(new byte[] {5, (byte) 0xff});
                return;
            }
            out.write(new byte[] {5, 2});
            in.read(); // sub-negotiation version 1
            byte[] givenUser = in.readNBytes(in.read());
            byte[] givenPassword = in.readNBytes(in.read());
            boolean ok = java.util.Arrays.equals(givenUser, user) && java.util.Arrays.equals(givenPassword, password);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                return;
            }
            byte[] request = in.readNBytes(4);
            if (request[1] != 1 || request[3] != 3) {
                out.write(new byte[] {5, 8, 0, 1, 0, 0, 0, 0, 0, 0}); // only CONNECT to names
                return;
            }
            String host = new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
            byte[] port = in.readNBytes(2);
            String target = host + ":" + (((port[0] & 0xff) << 8) | (port[1] & 0xff));
            Route local = routes.get(target.toLowerCase(Locale.ROOT));
            if (local == null) {
                out.write(new byte[] {5, 4, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            connects.add(target);
            try (Socket origin = new Socket(InetAddress.getLoopbackAddress(), local.port())) {
                open.add(origin);
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                if (local.tls() != null) {
                    SSLSocket tls = (SSLSocket) local.tls().getSocketFactory().createSocket(client, in, true);
                    tls.setUseClientMode(false);
                    in = tls.getInputStream();
                    out = tls.getOutputStream();
                }
                InputStream fromClient = in;
                Thread.ofVirtual().start(() -> {
                    try {
                        fromClient.transferTo(origin.getOutputStream());
                        origin.shutdownOutput();
                    } catch (IOException e) {
                        // the other direction ends too
                    }
                });
                origin.getInputStream().transferTo(out);
            }
        } catch (IOException e) {
            // a side went away
        }
    }

    private static boolean contains(byte[] values, int value) {
        for (byte b : values) {
            if (b == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
