package io.modvault.core.storage.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.NativeLibraryLoader;
import org.rocksdb.RocksDB;

/**
 * Loads librocksdbjni once per JVM from a directory modvault chooses. Left to itself, RocksJava
 * copies the 17 MB library into {@code java.io.tmpdir} under a fresh random name on every start
 * and relies on {@code deleteOnExit}, so every kill -9 leaves one more copy in /tmp. Given a
 * directory, {@link NativeLibraryLoader#loadLibrary(String)} (rocksdbjni 11.8.1) first tries
 * {@code System.loadLibrary} (a librocksdbjni on {@code java.library.path} wins), otherwise
 * writes the library to {@code <dir>/librocksdbjni-linux64.so} (a fixed name per platform,
 * replacing what an earlier run left) and loads it; that file is also {@code deleteOnExit}, so
 * at most one copy ever exists. The directory is {@code $ROCKSDB_SHAREDLIB_DIR} (RocksJava's
 * own convention) when set, else {@code <dataDir>/native}.
 */
final class NativeLibrary {
    static final String SHAREDLIB_DIR_ENV = "ROCKSDB_SHAREDLIB_DIR";
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Path loadedFrom;

    private NativeLibrary() {}

    /** The directory the library was first extracted to; later calls do nothing. */
    static Path load(Path defaultDir, Map<String, String> env) throws IOException {
        LOCK.lock();
        try {
            if (loadedFrom == null) {
                Path dir = directory(defaultDir, env).toAbsolutePath();
                Files.createDirectories(dir);
                NativeLibraryLoader.getInstance().loadLibrary(dir.toString());
                // Marks RocksJava's own state as loaded; it finds the library already in place.
                RocksDB.loadLibrary();
                loadedFrom = dir;
            }
            return loadedFrom;
        } finally {
            LOCK.unlock();
        }
    }

    static Path directory(Path defaultDir, Map<String, String> env) {
        return Optional.ofNullable(env.get(SHAREDLIB_DIR_ENV))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElse(defaultDir);
    }
}
