package io.modvault.core.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link BodySink} that writes a body to a file through a 128 KiB buffer and computes its
 * SHA-256 on the way, so a zip is hashed without being read twice or held in memory.
 */
final class HashingFileWriter implements BodySink<DownloadedFile> {

    static final int BUFFER_SIZE = 128 * 1024;

    private final Path target;
    private final FileChannel channel;
    private final MessageDigest digest = sha256();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private long size;

    private HashingFileWriter(Path target, FileChannel channel) {
        this.target = target;
        this.channel = channel;
    }

    /** Opens {@code target}, creating it or truncating what was there. */
    static HashingFileWriter open(Path target) {
        try {
            return new HashingFileWriter(
                    target,
                    FileChannel.open(
                            target,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open download target " + target, e);
        }
    }

    @Override
    public void write(ByteBuffer chunk) {
        size += chunk.remaining();
        digest.update(chunk.duplicate());
        try {
            if (buffer.position() == 0 && chunk.remaining() >= BUFFER_SIZE) {
                writeFully(chunk);
                return;
            }
            while (chunk.hasRemaining()) {
                int n = Math.min(buffer.remaining(), chunk.remaining());
                buffer.put(buffer.position(), chunk, chunk.position(), n);
                buffer.position(buffer.position() + n);
                chunk.position(chunk.position() + n);
                if (!buffer.hasRemaining()) {
                    flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write download target " + target, e);
        }
    }

    @Override
    public DownloadedFile finish() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write download target " + target, e);
        }
        return new DownloadedFile(target, size, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close download target " + target, e);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            channel.write(source);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
