package io.modvault.core.storage.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The files beside a store's index: zips as content-addressed blobs under
 * {@code blobs/sha256/ab/<hash>} and downloads in progress under {@code tmp/}. Both store
 * implementations share it, so the crash-safety protocol is written once: the temp file is
 * hashed and fsync'd, atomically renamed into place, the blob directory fsync'd, and only then
 * is the caller's index write run. A read-write lock keeps {@link #sweep} (writer) from running
 * between a commit's rename and its index write (readers), so a sweep never deletes a blob whose
 * commit is in flight. {@code <root>/blobs.lock} is held while the area is open, so a second
 * store on the same directory fails instead of emptying the first one's {@code tmp/}.
 */
public final class BlobArea implements AutoCloseable {
    private final Path blobsDir;
    private final Path shaDir;
    private final Path tmpDir;
    private final Path quarantineDir;
    private final FileChannel lockChannel;
    private final FileLock ownerLock;
    private final ReadWriteLock commitSweepLock = new ReentrantReadWriteLock();

    private BlobArea(Path root, FileChannel lockChannel, FileLock ownerLock) {
        this.blobsDir = root.resolve("blobs");
        this.shaDir = blobsDir.resolve("sha256");
        this.tmpDir = root.resolve("tmp");
        this.quarantineDir = root.resolve("quarantine");
        this.lockChannel = lockChannel;
        this.ownerLock = ownerLock;
    }

    /** Creates the layout under {@code root} if needed, takes its lock and empties {@code tmp/}. */
    public static BlobArea open(Path root) throws IOException {
        Files.createDirectories(root);
        FileChannel channel =
                FileChannel.open(root.resolve("blobs.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel, root);
            BlobArea area = new BlobArea(root, channel, lock);
            Files.createDirectories(area.shaDir);
            Files.createDirectories(area.tmpDir);
            FileTrees.deleteChildren(area.tmpDir);
            return area;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, Path root) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException(root + " is already in use by another open store");
        }
        return lock;
    }

    /** A new empty file in {@code tmp/}, on the same file system as the blobs. */
    public Path newTempFile() throws IOException {
        return Files.createTempFile(tmpDir, "download-", ".part");
    }

    /** Where the blob with this SHA-256 lives (whether or not it exists). */
    public Path pathOf(String sha256Hex) {
        String hash = Sha256.normalize(sha256Hex);
        return shaDir.resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** Runs {@code indexWrite} once the file is durable at {@link #pathOf}; see {@link #commit}. */
    @FunctionalInterface
    public interface IndexWrite<T, E extends Exception> {
        T write(String sha256Hex, long size) throws E;
    }

    /** The hashes every index entry references, read while no commit is in flight. */
    @FunctionalInterface
    public interface ReferencedHashes<E extends Exception> {
        Set<String> collect() throws E;
    }

    /**
     * Moves {@code tempFile} into the blob area and then runs {@code indexWrite}. The file's
     * SHA-256 is recomputed (one sequential read of a file that is still in the page cache,
     * small next to the download that produced it) because a wrong hash would make every later
     * dedupe serve the wrong content. Identical content already present is kept and the temp
     * file deleted. The temp file is gone when this returns or throws.
     */
    public <T, E extends Exception> T commit(Path tempFile, String sha256Hex, IndexWrite<T, E> indexWrite)
            throws IOException, E {
        try {
            String claimed = Sha256.normalize(sha256Hex);
            Sha256.Digest actual = Sha256.hashAndSync(tempFile);
            if (!actual.sha256Hex().equals(claimed)) {
                throw new IOException(
                        "SHA-256 of " + tempFile + " is " + actual.sha256Hex() + ", not the claimed " + claimed);
            }
            commitSweepLock.readLock().lock();
            try {
                moveIntoPlace(tempFile, pathOf(claimed), actual.size());
                return indexWrite.write(claimed, actual.size());
            } finally {
                commitSweepLock.readLock().unlock();
            }
        } finally {
            FileTrees.deleteQuietly(tempFile);
        }
    }

    private static void moveIntoPlace(Path tempFile, Path target, long size) throws IOException {
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            FileTrees.fsyncDirectory(dir.getParent());
        }
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            Files.delete(tempFile);
        } else {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        }
        // Also on dedupe: the rename that made the existing copy may not be durable yet.
        FileTrees.fsyncDirectory(dir);
    }

    /**
     * Deletes every file under {@code blobs/} that is not the blob of a referenced hash (blobs
     * renamed into place whose index write never happened, and leftovers of deleted entries).
     */
    public <E extends Exception> int sweep(ReferencedHashes<E> referenced) throws IOException, E {
        commitSweepLock.writeLock().lock();
        try {
            Set<String> keep = referenced.collect();
            List<Path> unreferenced;
            try (Stream<Path> files = Files.walk(blobsDir)) {
                unreferenced = files.filter(Files::isRegularFile)
                        .filter(file -> !isBlobOf(file, keep))
                        .toList();
            }
            for (Path file : unreferenced) {
                Files.deleteIfExists(file);
            }
            return unreferenced.size();
        } finally {
            commitSweepLock.writeLock().unlock();
        }
    }

    private boolean isBlobOf(Path file, Set<String> hashes) {
        String name = file.getFileName().toString();
        return hashes.contains(name) && file.equals(pathOf(name));
    }

    /**
     * Moves the blob named {@code sha256Hex} to {@code quarantine/<sha256>} (outside
     * {@code blobs/}, so neither served nor swept) and runs {@code indexDelete} first, both under
     * the sweep lock so no commit of the same content interleaves. Returns the new location,
     * empty if the blob file was already gone.
     */
    public <E extends Exception> Optional<Path> quarantine(String sha256Hex, IndexDelete<E> indexDelete)
            throws IOException, E {
        String hash = Sha256.normalize(sha256Hex);
        commitSweepLock.writeLock().lock();
        try {
            indexDelete.delete();
            Path blob = pathOf(hash);
            if (!Files.exists(blob)) {
                return Optional.empty();
            }
            Files.createDirectories(quarantineDir);
            Path target = quarantineDir.resolve(hash);
            Files.move(blob, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.fsyncDirectory(blob.getParent());
            return Optional.of(target);
        } finally {
            commitSweepLock.writeLock().unlock();
        }
    }

    /** Removes the index entry of a blob being quarantined. */
    @FunctionalInterface
    public interface IndexDelete<E extends Exception> {
        void delete() throws E;
    }

    /** Releases the directory lock; the files stay. */
    @Override
    public void close() throws IOException {
        try {
            ownerLock.release();
        } finally {
            lockChannel.close();
        }
    }
}
