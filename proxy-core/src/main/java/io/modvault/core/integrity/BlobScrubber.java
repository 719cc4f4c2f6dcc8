package io.modvault.core.integrity;

import io.modvault.core.storage.BlobIntegrity;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.StoredBlob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scrub pass over every stored zip: re-reads each blob through the {@link BlobIntegrity.ReadPacer}
 * (the rate limit) and checks its size and SHA-256 against its index entry and name. A damaged
 * blob is quarantined at once (so no request can be served from it), logged at WARN once, counted,
 * and then fetched again through {@link Refetch}; if that fails, the next request for it fetches
 * it. Content shared by several index entries is hashed once per pass.
 */
public final class BlobScrubber {
    private static final Logger LOG = LoggerFactory.getLogger(BlobScrubber.class);
    private final ModuleStore store;
    private final BlobIntegrity.ReadPacer pacer;
    private final IntegrityStats stats;
    private final Refetch refetch;

    /** Fetches a quarantined zip again; returns why it could not, empty on success. */
    @FunctionalInterface
    public interface Refetch {
        Optional<String> refetch(EntryKey zipKey);
    }

    public BlobScrubber(ModuleStore store, BlobIntegrity.ReadPacer pacer, IntegrityStats stats, Refetch refetch) {
        this.store = store;
        this.pacer = pacer;
        this.stats = stats;
        this.refetch = refetch;
    }

    /** Checks every stored zip once; returns the number of damaged blobs found. */
    public int runPass() throws InterruptedException {
        Set<String> intact = new HashSet<>();
        int findings = 0;
        for (String key : store.keys(EntryKind.ZIP, "")) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("scrub stopped");
            }
            EntryKey index = EntryKey.of(EntryKind.ZIP, key);
            Optional<StoredBlob> blob = store.blob(index);
            if (blob.isEmpty() || intact.contains(blob.get().sha256Hex())) {
                continue;
            }
            Optional<String> problem;
            try {
                problem = BlobIntegrity.contentProblem(blob.get(), pacer);
            } catch (IOException e) {
                // Most likely removed under us (a request quarantined it, or the entry was replaced).
                LOG.debug("scrub: cannot read blob of {}: {}", key, e.toString());
                continue;
            }
            stats.scrubbed(blob.get().size());
            if (problem.isEmpty()) {
                intact.add(blob.get().sha256Hex());
            } else {
                findings++;
                handle(index, blob.get(), problem.get());
            }
        }
        stats.scrubPassCompleted();
        return findings;
    }

    private void handle(EntryKey index, StoredBlob blob, String problem) {
        stats.scrubFinding();
        Optional<Path> moved = store.quarantine(index, blob.sha256Hex());
        Optional<String> failed;
        try {
            failed = refetch.refetch(index);
        } catch (RuntimeException e) {
            failed = Optional.of(e.toString());
        }
        LOG.warn(
                "scrub: stored zip {} is damaged ({}); quarantined{}, {}",
                index.key(),
                problem,
                moved.map(p -> " to " + p).orElse(""),
                failed.map(why -> "fetching it again failed (" + why + "), so the next request fetches it")
                        .orElse("fetched it again"));
    }

    /** For the scheduler: a pass that fails on the store is logged, not fatal. */
    int runPassLogged() throws InterruptedException {
        try {
            return runPass();
        } catch (StoreException e) {
            LOG.warn("scrub pass stopped: {}", e.getMessage());
            return 0;
        }
    }
}
