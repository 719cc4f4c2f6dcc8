package io.modvault.core.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a bundle's tar, streamed, to a temp file beside {@code target}; {@link #commit()} syncs
 * it and renames it into place, so {@code target} is either absent (or the previous file) or
 * complete. Closing without a commit deletes the temp file. Long paths use POSIX (PAX) headers,
 * which GNU and BSD tar both read.
 */
public final class BundleWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final TarArchiveOutputStream tar;
    private final Instant modified;
    private boolean committed;

    private BundleWriter(Path target, Path temp, TarArchiveOutputStream tar, Instant modified) {
        this.target = target;
        this.temp = temp;
        this.tar = tar;
        this.modified = modified;
    }

    /** A writer for {@code target}; every entry gets {@code modified} as its time. */
    public static BundleWriter create(Path target, Instant modified) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return new BundleWriter(absolute, temp, tar, modified);
    }

    public void add(String path, byte[] content) throws IOException {
        tar.putArchiveEntry(entry(path, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    public void add(String path, Path file, long size) throws IOException {
        tar.putArchiveEntry(entry(path, size));
        long copied = Files.copy(file, tar);
        if (copied != size) {
            throw new IOException(file + " changed while exporting: " + copied + " bytes, expected " + size);
        }
        tar.closeArchiveEntry();
    }

    /** Finishes the tar, syncs it and renames it to the target. */
    public void commit() throws IOException {
        tar.finish();
        tar.close();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    private TarArchiveEntry entry(String path, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(path, true);
        entry.setSize(size);
        entry.setMode(0644);
        entry.setModTime(modified.toEpochMilli());
        return entry;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                tar.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
