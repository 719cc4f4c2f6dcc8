package io.modvault.server;

import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.server.config.ServerConfig;
import java.time.Clock;
import java.util.Locale;

/** Opens the configured {@link ModuleStore}, telling a store held by another process apart from other failures. */
final class Stores {
    private Stores() {}

    static ModuleStore open(ServerConfig config, Clock clock) {
        try {
            return switch (config.store()) {
                case ROCKSDB -> RocksDbModuleStore.open(config.dataDir(), clock);
                case MEMORY -> InMemoryModuleStore.open(config.dataDir(), clock);
            };
        } catch (StoreException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // RocksDB names its lock file (another process) or says "lock hold" (this process).
            if (message.contains("LOCK") || message.toLowerCase(Locale.ROOT).contains("lock hold")) {
                throw new StoreLockedException(config.dataDir(), message, e);
            }
            throw e;
        }
    }
}
