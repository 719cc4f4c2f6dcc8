package io.modvault.core.prewarm;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.sumdb.dirhash.DirHash;
import java.util.concurrent.CancellationException;

/**
 * Fetches through the {@link ModuleProxy} of an open data directory, so prewarming takes the
 * path a client request takes: routing (private modules to their repository, never to the
 * checksum database), the store first (a stored artifact costs no upstream request), one shared
 * fetch per key, verification against the checksum database (whose lookups and tiles are cached
 * as the verifier reads them), and the atomic store commit.
 */
public final class ProxyArtifactFetcher implements ArtifactFetcher {
    private static final byte[] NO_BODY = new byte[0];
    private final ModuleProxy proxy;
    private final HashLedger ledger;

    /** {@code store} is the one {@code proxy} stores into: its recorded hashes answer {@link #fetchHashed}. */
    public ProxyArtifactFetcher(ModuleProxy proxy, ModuleStore store) {
        this.proxy = proxy;
        this.ledger = new HashLedger(store);
    }

    /**
     * The {@code h1:} is the one recorded with the artifact when it was stored (verified against
     * the checksum database unless the module is exempt), read back after the fetch; a {@code .mod}
     * stored before hashes were recorded is hashed from its body, a zip's hash then stays unknown.
     */
    @Override
    public FetchOutcome fetchHashed(ProxyRequest request) {
        FetchOutcome outcome = fetch(request);
        if (!(outcome instanceof FetchOutcome.Delivered delivered)) {
            return outcome;
        }
        try {
            return switch (request) {
                case ProxyRequest.Mod mod ->
                    delivered.withH1(ledger.recorded(HashLedger.modKey(mod.module(), mod.version()))
                            .flatMap(RecordedHashes::mod)
                            .orElseGet(() -> DirHash.hashGoMod(delivered.body())));
                case ProxyRequest.Zip zip ->
                    ledger.recorded(HashLedger.zipKey(zip.module(), zip.version()))
                            .flatMap(RecordedHashes::zip)
                            .map(delivered::withH1)
                            .orElse(delivered);
                default -> delivered;
            };
        } catch (RuntimeException e) {
            return new FetchOutcome.Failed(0, "reading its recorded hash: " + e.getMessage(), false);
        }
    }

    @Override
    public FetchOutcome fetch(ProxyRequest request) {
        FetchResult result;
        try {
            result = proxy.get(request);
        } catch (CancellationException e) {
            return new FetchOutcome.Failed(0, "interrupted", false);
        } catch (RuntimeException e) {
            // A local failure (disk full, store closed): another attempt would meet it again.
            return new FetchOutcome.Failed(0, e.getMessage() == null ? e.toString() : e.getMessage(), false);
        }
        return switch (result) {
            case FetchResult.Content content ->
                new FetchOutcome.Delivered(content.body().length, stored(content.outcome()), content.body());
            case FetchResult.Blob blob ->
                new FetchOutcome.Delivered(blob.blob().size(), stored(blob.outcome()), NO_BODY);
            case FetchResult.NotFound notFound -> new FetchOutcome.Failed(404, notFound.reason(), false);
            case FetchResult.Refused refused -> new FetchOutcome.Failed(refused.status(), refused.reason(), false);
            case FetchResult.Failure failure -> FetchOutcome.Failed.withStatus(failure.status(), failure.reason());
        };
    }

    /** A hit, or a stale copy kept because the upstream failed: either way no new data came in. */
    private static boolean stored(CacheOutcome outcome) {
        return outcome == CacheOutcome.HIT || outcome == CacheOutcome.STALE;
    }
}
