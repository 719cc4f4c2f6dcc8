package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Writes a response body according to a {@link Reply}'s delivery settings. Dropping works by
 * throwing after a flush: the JDK server closes the connection of a handler that fails before
 * its declared length is written, which is exactly a truncated download for the client.
 */
final class ReplyWriter {

    /** Thrown to make the server close the connection mid-body. */
    static final class ConnectionDropped extends IOException {
        ConnectionDropped(long sent, long declared) {
            super("fake upstream dropped the connection after " + sent + " of " + declared + " bytes");
        }
    }

    private ReplyWriter() {}

    static void pause(java.time.Duration delay) throws InterruptedIOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fake upstream stopped while delaying");
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, long length, InputStream body, Reply reply)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // For the JDK server 0 means "chunked" and -1 means "no body".
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        long limit = reply.dropAfterBytes() >= 0 ? Math.min(length, reply.dropAfterBytes()) : length;
        OutputStream out = exchange.getResponseBody();
        byte[] buffer = new byte[reply.chunkSize()];
        long sent = 0;
        while (sent < limit) {
            if (sent > 0) {
                pause(reply.chunkDelay());
            }
            int n = body.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit - sent));
            if (n <= 0) {
                throw new IOException("body ended after " + sent + " of " + length + " bytes");
            }
            out.write(buffer, 0, n);
            if (!reply.chunkDelay().isZero()) {
                out.flush();
            }
            sent += n;
        }
        if (sent < length) {
            out.flush();
            throw new ConnectionDropped(sent, length);
        }
        out.close();
    }
}
