package io.modvault.core.prewarm;

import io.modvault.core.protocol.ProxyRequest;

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
}
