package io.modvault.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a bundle's tar one entry at a time from a stream, never holding more than the entry being
 * read: {@link #next()} moves to the next regular file and {@link Entry#content()} streams it. An
 * archive that ends inside an entry or a header surfaces as an {@link IOException} when read.
 */
public final class BundleReader implements AutoCloseable {
    private final TarArchiveInputStream tar;

    public BundleReader(InputStream in) {
        this.tar = new TarArchiveInputStream(in);
    }

    /** One file of the bundle: its path, the size its header declares, and its bytes. */
    public record Entry(String path, long size, InputStream content) {}

    /** The next regular file; empty at the end of the archive. Directories are skipped. */
    public Optional<Entry> next() throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isFile()) {
                return Optional.of(new Entry(entry.getName(), entry.getSize(), tar));
            }
            if (!entry.isDirectory()) {
                throw new IOException("bundle entry " + entry.getName() + " is neither a file nor a directory");
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
