package io.modvault.server.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends raw request heads (bytes exactly as given, no client-side normalisation) over one
 * keep-alive connection and reads Content-Length-delimited answers, reconnecting when the server
 * closes. Lets a fuzzer send thousands of hostile requests in seconds.
 */
final class KeepAliveRawClient implements AutoCloseable {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int unannouncedCloses;

    record Answer(int status, String contentType, String body) {}

    KeepAliveRawClient(int port) {
        this.port = port;
    }

    /**
     * Sends {@code head} (which must end with an empty line) and reads one answer. A reused
     * connection that the server closed without announcing it ({@code Connection: close}) is
     * counted in {@link #unannouncedCloses()} and the request is retried once on a new one.
     */
    Answer exchange(byte[] head, boolean headRequest) throws IOException {
        if (socket == null) {
            connect();
            return exchangeOnce(head, headRequest);
        }
        try {
            if (peekClosed()) {
                throw new IOException("closed while idle");
            }
            return exchangeOnce(head, headRequest);
        } catch (IOException stale) {
            unannouncedCloses++;
            disconnect();
            connect();
            return exchangeOnce(head, headRequest);
        }
    }

    /** How many times the server closed a kept-alive connection without saying so. */
    int unannouncedCloses() {
        return unannouncedCloses;
    }

    private boolean peekClosed() throws IOException {
        socket.setSoTimeout(1);
        in.mark(1);
        try {
            int next = in.read();
            in.reset();
            return next < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } finally {
            socket.setSoTimeout(15_000);
        }
    }

    private Answer exchangeOnce(byte[] head, boolean headRequest) throws IOException {
        out.write(head);
        out.flush();
        Answer answer;
        boolean close;
        try {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            String type = "";
            close = false;
            for (String line; !(line = readLine()).isEmpty(); ) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "content-type" -> type = value;
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            byte[] body = headRequest ? new byte[0] : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
            answer = new Answer(status, type, new String(body, StandardCharsets.UTF_8));
            if (length < 0) {
                close = true;
            }
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw new IOException(
                    "no complete answer to "
                            + new String(head, StandardCharsets.ISO_8859_1)
                                    .lines()
                                    .findFirst()
                                    .orElse(""),
                    e);
        }
        if (close) {
            disconnect();
        }
        return answer;
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a socket the server already dropped
        }
        socket = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
