package io.modvault.core.upstream;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Where a response body goes while it is read. Sinks throw {@link UncheckedIOException} for local
 * problems (a full disk), which are not upstream outcomes and must not make a chain fall through.
 */
interface BodySink<T> extends AutoCloseable {

    void write(ByteBuffer chunk);

    /** Ends the body and returns it; called once, after the last {@link #write}. */
    T finish();

    @Override
    void close();

    /** Collects a small body in memory; the caller enforces the size limit before writing. */
    static BodySink<byte[]> inMemory() {
        return new BodySink<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void write(ByteBuffer chunk) {
                if (chunk.hasArray()) {
                    out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
                    chunk.position(chunk.limit());
                } else {
                    byte[] copy = new byte[chunk.remaining()];
                    chunk.get(copy);
                    out.write(copy, 0, copy.length);
                }
            }

            @Override
            public byte[] finish() {
                return out.toByteArray();
            }

            @Override
            public void close() {}
        };
    }
}
