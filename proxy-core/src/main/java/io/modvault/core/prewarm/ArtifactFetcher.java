package io.modvault.core.prewarm;

import io.modvault.core.protocol.ProxyRequest;
import io.modvault.sumdb.dirhash.DirHash;

/**
 * Where prewarming gets its artifacts: the local {@link io.modvault.core.fetch.ModuleProxy} over
 * the data directory ({@link ProxyArtifactFetcher}), or a running modvault or any GOPROXY over
 * HTTP ({@link HttpArtifactFetcher}), which then does the fetching and verifying itself. Safe to
 * call from many threads; blocking, so call it from a virtual thread. Never throws for what the
 * upstream answers: every answer is a {@link FetchOutcome}.
 */
@FunctionalInterface
public interface ArtifactFetcher {

    FetchOutcome fetch(ProxyRequest request);

    /**
     * Fetches like {@link #fetch}; for a {@code .mod} or {@code .zip} the delivered outcome also
     * carries the artifact's {@code h1:}, so a go.sum line can be checked against it. This default
     * hashes a {@code .mod}'s body; a zip's hash needs its bytes, which only the fetcher sees, so
     * here it stays empty and the caller reports that it could not check.
     */
    default FetchOutcome fetchHashed(ProxyRequest request) {
        FetchOutcome outcome = fetch(request);
        if (request instanceof ProxyRequest.Mod && outcome instanceof FetchOutcome.Delivered delivered) {
            return delivered.withH1(DirHash.hashGoMod(delivered.body()));
        }
        return outcome;
    }
}
