package io.modvault.core.catalog;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module versions a store holds, in the order they were stored, read from the store's
 * {@link EntryKind#STORED} time index (a page costs the page, not the store). A version is listed
 * at the time of each of its {@code .info}, {@code .mod} and zip writes, so a version whose
 * {@code .mod} was stored long before its zip appears again when the zip arrives: a reader paging
 * by time never misses an artifact, and may see a version more than once across pages (never
 * twice in one page: the first, oldest appearance is kept). A reader that continues from the last
 * {@code storedAt} it saw (inclusive) misses nothing; only more than {@code limit} versions stored
 * in one millisecond cannot be paged past.
 */
public final class StoredVersions {
    private static final Logger LOG = LoggerFactory.getLogger(StoredVersions.class);
    /** Index entries read per store call: each version has up to three. */
    private static final int ENTRIES_PER_VERSION = 3;

    private final ModuleStore store;

    public StoredVersions(ModuleStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A module version the store holds, with when (one of) its artifacts was stored. */
    public record StoredVersion(ModuleCoordinate coordinate, Instant storedAt) {
        public StoredVersion {
            Objects.requireNonNull(coordinate, "coordinate");
            Objects.requireNonNull(storedAt, "storedAt");
        }
    }

    /** Versions stored at or after {@code since}, oldest first, at most {@code limit} of them. */
    public List<StoredVersion> since(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
        List<StoredVersion> page = new ArrayList<>();
        Set<ModuleCoordinate> seen = new HashSet<>();
        String from = StoredTimeline.firstKeyAtOrAfter(since);
        int chunk = Math.max(16, Math.min(limit, 10_000) * ENTRIES_PER_VERSION);
        while (page.size() < limit) {
            List<String> keys = store.keysFrom(EntryKind.STORED, from, chunk);
            for (String key : keys) {
                Optional<StoredVersion> version = decode(key);
                if (version.isPresent() && seen.add(version.get().coordinate())) {
                    page.add(version.get());
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            if (keys.size() < chunk) {
                break;
            }
            from = keys.getLast() + '\0';
        }
        return List.copyOf(page);
    }

    private static Optional<StoredVersion> decode(String indexKey) {
        Optional<StoredTimeline.Entry> entry = StoredTimeline.parse(indexKey);
        if (entry.isEmpty()) {
            LOG.warn("Skipping stored-time index key {}: not in the expected format", indexKey);
            return Optional.empty();
        }
        String artifact = entry.get().artifactKey();
        int at = artifact.lastIndexOf('@');
        try {
            if (at <= 0) {
                throw new InvalidModuleException("no @version");
            }
            ModulePath path = ModulePath.parseEscaped(artifact.substring(0, at));
            String version = ModuleVersion.unescape(artifact.substring(at + 1));
            return Optional.of(new StoredVersion(
                    new ModuleCoordinate(path, version), entry.get().storedAt()));
        } catch (InvalidModuleException e) {
            LOG.warn("Skipping stored-time index key {}: {}", indexKey, e.getMessage());
            return Optional.empty();
        }
    }
}
