package io.modvault.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as given (no client-side normalisation of {@code ..} or
 * percent-escapes) and returns the status code and body, for tests of hostile paths.
 */
final class RawHttp {
    private RawHttp() {}

    record Answer(int status, String text) {}

    static Answer get(int port, String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }
}
