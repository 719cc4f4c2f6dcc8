package io.modvault.server;

import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.config.StartupFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Opens the configured {@link ModuleStore} after {@link DataDirectory#check}, telling a store held
 * by another process ({@link StoreLockedException}, naming it through {@link StoreOwner}) apart from
 * one that cannot be opened at all (a {@link StartupFailure}).
 */
final class Stores {
    private Stores() {}

    static ModuleStore open(ServerConfig config, Clock clock) {
        Path dataDir = config.dataDir();
        DataDirectory.check(dataDir);
        try {
            return switch (config.store()) {
                case ROCKSDB -> {
                    RocksDbModuleStore store = RocksDbModuleStore.open(dataDir, clock);
                    StoreOwner.record(dataDir);
                    yield store;
                }
                case MEMORY -> InMemoryModuleStore.open(dataDir, clock);
            };
        } catch (StoreException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // RocksDB names its lock file (another process) or says "lock hold" (this process).
            if (message.contains("LOCK") || message.toLowerCase(Locale.ROOT).contains("lock hold")) {
                throw new StoreLockedException(dataDir, StoreOwner.holder(dataDir), message, e);
            }
            throw new StartupFailure(
                    StartupFailure.setting(ConfigKey.DATA_DIR, dataDir.toAbsolutePath()),
                    "the store cannot be opened: " + message,
                    "if its files are damaged, move the directory aside and start with an empty cache"
                            + " (modvault fetches again what clients ask for); MODVAULT_LOG_LEVEL=DEBUG logs the cause",
                    e);
        }
    }
}
