package io.modvault.server;

import java.nio.file.Path;

/**
 * Opening a data directory failed because another process holds its store's lock (RocksDB's
 * {@code db/LOCK}): a running server, or another command on the same directory. Offline commands
 * name themselves in the message with {@link #messageFor}, so the user knows what to stop first.
 */
public final class StoreLockedException extends RuntimeException {
    private final Path dataDir;
    private final String detail;

    StoreLockedException(Path dataDir, String detail, Throwable cause) {
        super(describe(dataDir, "", detail), cause);
        this.dataDir = dataDir;
        this.detail = detail;
    }

    /** The message for {@code command} (e.g. {@code verify}), telling the user to stop the server before running it. */
    public String messageFor(String command) {
        return describe(dataDir, " before running " + command, detail);
    }

    private static String describe(Path dataDir, String when, String detail) {
        return "the store in " + dataDir.toAbsolutePath() + " is locked by another process: stop the modvault server"
                + " using this data directory" + when + " (" + detail + ")";
    }
}
