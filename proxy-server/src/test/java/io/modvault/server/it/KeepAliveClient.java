package io.modvault.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One raw HTTP/1.1 connection kept open across requests (what the go command's transport does),
 * or shut for writing after a request (a half-closing client). Reads exactly one response per
 * request by its Content-Length.
 */
final class KeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    record Answer(int status, byte[] body, long contentLength) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private KeepAliveClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static KeepAliveClient connect(String fromAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        return new KeepAliveClient(socket);
    }

    void send(String path) throws IOException {
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    Answer get(String path) throws IOException {
        send(path);
        return read();
    }

    /** Sends the request, shuts the sending side, and reads the answer. */
    Answer getHalfClosed(String path) throws IOException {
        send(path);
        socket.shutdownOutput();
        return read();
    }

    /** Whether the server closed the connection (end of stream) after everything it sent. */
    boolean closedByServer() throws IOException {
        return in.read() == -1;
    }

    /** The final answer; interim 1xx answers before it are skipped, as HTTP/1.1 clients must. */
    Answer read() throws IOException {
        Answer answer;
        do {
            answer = readOne();
        } while (answer.status() >= 100 && answer.status() < 200);
        return answer;
    }

    private Answer readOne() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of response head");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(text.substring(9, 12));
        long length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        return new Answer(status, in.readNBytes((int) length), length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
