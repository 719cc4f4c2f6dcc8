package io.modvault.server;

import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.StartupFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the configured data directory before a store is opened in it, so that a path naming a
 * file, a directory that cannot be created, or one this user may not write fail with a
 * {@link StartupFailure} naming {@code MODVAULT_DATA_DIR} instead of a RocksDB error.
 */
final class DataDirectory {
    private DataDirectory() {}

    static void check(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw failure(dir, "is a file, not a directory", "choose a directory (it is created when missing)", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(
                    dir,
                    "cannot be created: " + StartupFailure.reason(e),
                    "create it, writable by " + user() + ", or choose another directory",
                    e);
        }
        // A real write, not Files.isWritable: read-only mounts and ACLs are what matter.
        try {
            Files.delete(Files.createTempFile(dir, ".modvault-write-check", ""));
        } catch (IOException e) {
            throw failure(
                    dir,
                    "is not writable: " + StartupFailure.reason(e),
                    "let " + user() + " write to it (chown or chmod), or choose another directory",
                    e);
        }
    }

    private static String user() {
        return "the user running modvault (" + System.getProperty("user.name") + ")";
    }

    private static StartupFailure failure(Path dir, String what, String whatToDo, Throwable cause) {
        return new StartupFailure(
                StartupFailure.setting(ConfigKey.DATA_DIR, dir),
                what,
                whatToDo + " in " + StartupFailure.howToSet(ConfigKey.DATA_DIR),
                cause);
    }
}
