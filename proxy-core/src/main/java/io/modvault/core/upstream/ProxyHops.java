package io.modvault.core.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a connection to {@code host:port} through a proxy the JDK client cannot speak to: a
 * SOCKS5 proxy (RFC 1928, user/password per RFC 1929; the host name is sent for the proxy to
 * resolve, as Go does) or an HTTPS proxy (TLS to the proxy, its certificate checked against the
 * trust given and its name, then {@code CONNECT} with Basic credentials). Failures are
 * {@link IOException}s whose messages name the proxy by {@code host:port} only.
 */
final class ProxyHops {
    private static final int MAX_HEAD = 16 * 1024;

    private ProxyHops() {}

    /** A connected socket whose bytes reach {@code host:port} through {@code proxy}. */
    static Socket open(ProxyUrl proxy, SSLSocketFactory tls, String host, int port, Duration timeout)
            throws IOException {
        return switch (proxy.scheme()) {
            case "socks5" -> socks5(proxy, host, port, timeout);
            case "https" -> httpsConnect(proxy, tls, host + ":" + port, timeout);
            default -> throw new IllegalArgumentException("no hop needed for " + proxy.scheme() + " proxies");
        };
    }

    /** A TLS connection to an HTTPS proxy, for requests sent to it in absolute form. */
    static Socket tlsToProxy(ProxyUrl proxy, SSLSocketFactory tls, Duration timeout) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket();
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("https proxy " + proxy.address() + ": " + e.getMessage(), e);
        }
    }

    /** {@code Proxy-Authorization} for {@code proxy}'s credentials, if it has any. */
    static Optional<String> basicAuthorization(ProxyUrl proxy) {
        return proxy.credentials()
                .map(c -> "Basic "
                        + Base64.getEncoder()
                                .encodeToString((c.getUserName() + ":" + new String(c.getPassword()))
                                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static Socket httpsConnect(ProxyUrl proxy, SSLSocketFactory tls, String target, Duration timeout)
            throws IOException {
        Socket socket = tlsToProxy(proxy, tls, timeout);
        try {
            StringBuilder request = new StringBuilder("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n");
            basicAuthorization(proxy)
                    .ifPresent(a ->
                            request.append("Proxy-Authorization: ").append(a).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout((int) timeout.toMillis());
            List<String> head = readHead(socket.getInputStream());
            socket.setSoTimeout(0);
            String status = head.isEmpty() ? "no answer" : head.getFirst();
            if (!status.matches("HTTP/1\\.[01] 200.*")) {
                throw new IOException("https proxy " + proxy.address() + " refused CONNECT " + target + ": " + status);
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket socks5(ProxyUrl proxy, String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Optional<PasswordAuthentication> credentials = proxy.credentials();
            out.write(credentials.isPresent() ? new byte[] {5, 2, 0, 2} : new byte[] {5, 1, 0});
            out.flush();
            int method = readBytes(in, 2)[1] & 0xff;
            if (method == 2 && credentials.isPresent()) {
                authenticate(in, out, credentials.get(), proxy);
            } else if (method != 0) {
                throw new IOException(
                        "socks5 proxy " + proxy.address() + " accepts none of our authentication methods");
            }
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(new byte[] {5, 1, 0, 3, (byte) name.length});
            request.write(name);
            request.write(new byte[] {(byte) (port >> 8), (byte) port});
            out.write(request.toByteArray());
            out.flush();
            byte[] reply = readBytes(in, 4);
            if (reply[1] != 0) {
                throw new IOException("socks5 proxy " + proxy.address() + " could not connect to " + host + ":" + port
                        + ": " + socksReply(reply[1]));
            }
            int skip = switch (reply[3]) {
                case 1 -> 4;
                case 4 -> 16;
                case 3 -> readBytes(in, 1)[0] & 0xff;
                default -> throw new IOException("socks5 proxy " + proxy.address() + " sent a malformed reply");
            };
            readBytes(in, skip + 2);
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e.getMessage() != null && e.getMessage().contains(proxy.address())
                    ? e
                    : new IOException("socks5 proxy " + proxy.address() + ": " + e.getMessage(), e);
        }
    }

    private static void authenticate(
            InputStream in, OutputStream out, PasswordAuthentication credentials, ProxyUrl proxy) throws IOException {
        byte[] user = credentials.getUserName().getBytes(StandardCharsets.UTF_8);
        byte[] password = new String(credentials.getPassword()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(1);
        request.write(user.length);
        request.write(user);
        request.write(password.length);
        request.write(password);
        out.write(request.toByteArray());
        out.flush();
        if (readBytes(in, 2)[1] != 0) {
            throw new IOException("socks5 proxy " + proxy.address() + " refused the credentials");
        }
    }

    private static String socksReply(byte code) {
        return switch (code) {
            case 2 -> "not allowed by the proxy's rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            default -> "error " + code;
        };
    }

    private static byte[] readBytes(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new IOException("connection closed by the proxy");
        }
        return bytes;
    }

    /** The request or response head: lines up to the empty one (bounded), without line ends. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int c; (c = in.read()) >= 0; ) {
            if (++total > MAX_HEAD) {
                throw new IOException("head longer than " + MAX_HEAD + " bytes");
            }
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
}
