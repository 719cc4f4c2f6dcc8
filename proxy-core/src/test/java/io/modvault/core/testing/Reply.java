package io.modvault.core.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FakeUpstream} does for a scripted request: which body it sends ({@link #serve()}
 * the normal content, or a fixed status and body) and how it delivers it (a delay before the
 * headers, a delay between body chunks, or dropping the connection after a number of body bytes
 * while the full {@code Content-Length} was declared). Values are immutable; the {@code with…}
 * style methods return copies, e.g. {@code Reply.serve().dropAfter(1024)}.
 */
public record Reply(Body body, Duration headerDelay, Duration chunkDelay, int chunkSize, long dropAfterBytes) {

    /** Chunk size used when no chunk delay asks for another one. */
    public static final int DEFAULT_CHUNK_SIZE = 16 * 1024;

    public Reply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headerDelay, "headerDelay");
        Objects.requireNonNull(chunkDelay, "chunkDelay");
        if (headerDelay.isNegative() || chunkDelay.isNegative() || chunkSize < 1) {
            throw new IllegalArgumentException("negative delay or chunk size < 1");
        }
    }

    /** Where the bytes come from. */
    public sealed interface Body {
        /** The content the upstream normally has for the path (tree file, prefix handler or 404). */
        record Served() implements Body {}

        /** A fixed response, e.g. an error status or a tampered body. */
        record Fixed(int status, String contentType, byte[] bytes) implements Body {
            public Fixed {
                Objects.requireNonNull(contentType, "contentType");
                bytes = bytes.clone();
            }

            @Override
            public byte[] bytes() {
                return bytes.clone();
            }
        }
    }

    /** The normal content, delivered at once; combine with the delivery modifiers. */
    public static Reply serve() {
        return new Reply(new Body.Served(), Duration.ZERO, Duration.ZERO, DEFAULT_CHUNK_SIZE, -1);
    }

    /** {@code status} with a {@code text/plain; charset=utf-8} body, e.g. {@code status(410, "gone")}. */
    public static Reply status(int status, String text) {
        return body(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Status 200 with {@code bytes} instead of the real content: tampering. */
    public static Reply tampered(byte[] bytes) {
        return body(200, "application/octet-stream", bytes);
    }

    public static Reply body(int status, String contentType, byte[] bytes) {
        return new Reply(
                new Body.Fixed(status, contentType, bytes), Duration.ZERO, Duration.ZERO, DEFAULT_CHUNK_SIZE, -1);
    }

    /** Waits {@code delay} before sending the status line and headers. */
    public Reply delayHeaders(Duration delay) {
        return new Reply(body, delay, chunkDelay, chunkSize, dropAfterBytes);
    }

    /** Sends the body in {@code chunkSize}-byte pieces, flushed, with {@code delay} between them. */
    public Reply delayChunks(Duration delay, int size) {
        return new Reply(body, headerDelay, delay, size, dropAfterBytes);
    }

    /**
     * Declares the full {@code Content-Length}, sends only the first {@code bytes} body bytes and
     * closes the connection; a body no longer than {@code bytes} is sent whole.
     */
    public Reply dropAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return new Reply(body, headerDelay, chunkDelay, chunkSize, bytes);
    }
}
