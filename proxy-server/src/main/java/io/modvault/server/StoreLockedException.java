package io.modvault.server;

import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.StartupFailure;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opening a data directory failed because another process holds its store's lock (RocksDB's
 * {@code db/LOCK}): a running server, or another command on the same directory, named by its PID
 * when {@link StoreOwner} knows it. Offline commands name themselves in the message with
 * {@link #messageFor}, so the user knows what to stop first.
 */
public final class StoreLockedException extends StartupFailure {
    private static final long serialVersionUID = 1L;
    private final Path dataDir;
    private final String holder;

    StoreLockedException(Path dataDir, Optional<String> holder, String detail, Throwable cause) {
        super(
                StartupFailure.setting(ConfigKey.DATA_DIR, dataDir.toAbsolutePath()),
                "the store is locked by another process (" + holder.orElse(detail) + ")",
                "stop the modvault using this data directory, or choose another one in "
                        + StartupFailure.howToSet(ConfigKey.DATA_DIR),
                cause);
        this.dataDir = dataDir;
        this.holder = holder.orElse(detail);
    }

    /** The message for {@code command} (e.g. {@code verify}), telling the user to stop the server before running it. */
    public String messageFor(String command) {
        return "the store in " + dataDir.toAbsolutePath() + " is locked by another process (" + holder
                + "): stop the modvault server using this data directory before running " + command;
    }
}
