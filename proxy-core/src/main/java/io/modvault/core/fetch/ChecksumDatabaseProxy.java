package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.ChecksumReads;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads of the configured checksum database, cached in the store and shared by the module
 * verifier and by clients using modvault's {@code /sumdb/} endpoints (so a client's lookups and
 * tiles usually cost no upstream request). Tiles and lookups are kept for good: a tile path
 * always names the same bytes, and a lookup's record never changes (its tree head may be older
 * than the newest, which both the go command and the verifier handle). {@code latest} is
 * refreshed after the list TTL and served stale when the database is unreachable. A partial
 * tile that is not cached is cut from a cached wider one ({@link NarrowerTiles}) before the
 * database is asked. With {@code cacheOnly} the database is never contacted.
 */
final class ChecksumDatabaseProxy implements ChecksumReads {
    private final ChecksumDatabase database;
    private final FetchSettings settings;
    private final SmallArtifactFetcher fetcher;
    private final ModuleStore store;
    private final NarrowerTiles narrower;

    ChecksumDatabaseProxy(
            ChecksumDatabase database,
            ModuleStore store,
            UpstreamClient upstream,
            VerificationSettings verification,
            FetchSettings settings,
            Clock clock) {
        this.database = database;
        this.settings = settings;
        this.store = store;
        this.narrower = new NarrowerTiles(store);
        UpstreamClient endpoint = verification.cacheOnly()
                ? new CacheOnlySumdb(database.name())
                : new SumdbEndpoint(database, upstream, verification.directClients());
        this.fetcher = new SmallArtifactFetcher(store, endpoint, settings, clock);
    }

    String name() {
        return database.name();
    }

    FetchResult get(String rest) {
        Freshness freshness = rest.equals("latest") ? Freshness.ttl(settings.listTtl()) : Freshness.forever();
        MediaType type = rest.startsWith("tile/") && !rest.contains("/data/") ? MediaType.OCTETS : MediaType.TEXT;
        EntryKey key = EntryKey.of(EntryKind.SUMDB, database.name() + "/" + rest);
        if (rest.contains(".p/") && store.get(key).isEmpty()) {
            Optional<StoredEntry> derived = narrower.derive(database.name(), rest);
            if (derived.isPresent()) {
                return new FetchResult.Content(
                        derived.get().value(),
                        type,
                        CacheOutcome.HIT,
                        freshness,
                        derived.get().storedAt(),
                        "");
            }
        }
        return fetcher.fetch(new SmallArtifact(
                key,
                "sumdb/" + database.name() + "/" + rest,
                freshness,
                settings.maxInfoBytes(),
                type,
                SmallArtifact.open()));
    }

    @Override
    public byte[] read(String path) {
        return switch (get(path)) {
            case FetchResult.Content content -> content.body();
            case FetchResult.NotFound notFound -> throw new ChecksumReadException(notFound.reason(), true, false);
            case FetchResult.Refused refused -> throw new ChecksumReadException(refused.reason(), false, false);
            case FetchResult.Failure failure ->
                throw new ChecksumReadException(failure.reason(), false, failure.status() == 504);
            case FetchResult.Blob blob -> throw new IllegalStateException("checksum database answers are never blobs");
        };
    }
}
