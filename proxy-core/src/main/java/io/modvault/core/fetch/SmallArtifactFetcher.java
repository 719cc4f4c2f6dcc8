package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caching algorithm for everything but zips, written once: fresh copy → HIT; remembered
 * not-found → NEGATIVE; otherwise one shared upstream fetch, checked before it is stored; if
 * the upstream cannot answer, a stale copy beats an error.
 */
final class SmallArtifactFetcher {
    private final ModuleStore store;
    private final UpstreamClient upstream;
    private final FetchSettings settings;
    private final Clock clock;
    private final SingleFlight<FetchResult> flights = new SingleFlight<>();

    SmallArtifactFetcher(ModuleStore store, UpstreamClient upstream, FetchSettings settings, Clock clock) {
        this.store = store;
        this.upstream = upstream;
        this.settings = settings;
        this.clock = clock;
    }

    FetchResult fetch(SmallArtifact artifact) {
        Optional<StoredEntry> cached = store.get(artifact.key());
        if (cached.isPresent() && artifact.freshness().isFresh(cached.get().storedAt(), clock.instant())) {
            return content(artifact, cached.get(), CacheOutcome.HIT, "");
        }
        if (cached.isEmpty()) {
            Optional<FetchResult> negative = NegativeCache.lookup(store, artifact.upstreamPath(), settings, clock);
            if (negative.isPresent()) {
                return negative.get();
            }
        }
        return flights.run(artifact.key().toString(), control -> refresh(artifact, cached, control));
    }

    private FetchResult refresh(SmallArtifact artifact, Optional<StoredEntry> cached, SingleFlight.Control control) {
        String path = artifact.upstreamPath();
        UpstreamResult<byte[]> answer = upstream.fetchBytes(path, artifact.maxBytes());
        return switch (answer) {
            case UpstreamResult.Found<byte[]> found -> {
                SmallArtifact.Admission admission = artifact.gate().admit(found.body(), found.upstream());
                if (admission instanceof SmallArtifact.Admission.Refuse refuse) {
                    yield cached.<FetchResult>map(c -> content(
                                    artifact,
                                    c,
                                    CacheOutcome.STALE,
                                    refuse.failure().reason()))
                            .orElse(refuse.failure());
                }
                Map<EntryKey, byte[]> writes = new HashMap<>(((SmallArtifact.Admission.Admit) admission).alsoStore());
                writes.put(artifact.key(), found.body());
                control.commit(() -> {
                    store.putAll(writes);
                    NegativeCache.forget(store, path);
                    return null;
                });
                yield new FetchResult.Content(
                        found.body(), artifact.type(), CacheOutcome.MISS, artifact.freshness(), clock.instant(), "");
            }
            case UpstreamResult.NotFound<byte[]> notFound -> {
                String reason = UpstreamFailures.notFoundReason(path, notFound);
                if (cached.isPresent()) {
                    yield content(artifact, cached.get(), CacheOutcome.STALE, "upstream says " + reason);
                }
                NegativeCache.remember(store, notFound, reason, path);
                yield new FetchResult.NotFound(reason, CacheOutcome.MISS);
            }
            case UpstreamResult.Refused<byte[]> refused -> {
                FetchResult.Refused passed = UpstreamFailures.refused(path, refused, CacheOutcome.MISS);
                if (cached.isPresent()) {
                    yield content(artifact, cached.get(), CacheOutcome.STALE, "upstream says " + passed.reason());
                }
                NegativeCache.remember(store, passed, path);
                yield passed;
            }
            case UpstreamResult.Failed<byte[]> failed ->
                cached.<FetchResult>map(
                                c -> content(artifact, c, CacheOutcome.STALE, UpstreamFailures.describe(path, failed)))
                        .orElseGet(() -> UpstreamFailures.failure(path, failed));
        };
    }

    private static FetchResult.Content content(
            SmallArtifact artifact, StoredEntry entry, CacheOutcome outcome, String stale) {
        return new FetchResult.Content(
                entry.value(), artifact.type(), outcome, artifact.freshness(), entry.storedAt(), stale);
    }
}
