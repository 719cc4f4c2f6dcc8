package io.modvault.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.ModuleStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class InMemoryModuleStoreTest extends ModuleStoreContract {

    @Override
    protected ModuleStore open(Path dir, Clock clock) {
        return InMemoryModuleStore.open(dir, clock);
    }

    @Override
    protected boolean keepsEntriesAcrossReopen() {
        return false;
    }

    @Test
    void reopenStartsEmpty() {
        store.put(key(EntryKind.INFO, "example.com/m@v1.0.0"), bytes("{}"));

        reopen();

        assertThat(store.get(key(EntryKind.INFO, "example.com/m@v1.0.0"))).isEmpty();
        assertThat(store.keys(EntryKind.INFO, "")).isEmpty();
    }
}
