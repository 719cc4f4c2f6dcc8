package io.modvault.core.prewarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.protocol.ProxyRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fetches one item: a version's artifacts in {@link Artifact} order, stopping at the first that
 * fails (its reason names the artifact); a query first through {@code @latest} or
 * {@code @v/<query>.info}, then the resolved version's three artifacts. An item is PRESENT when
 * all its version's artifacts were stored before, whether or not resolving a query asked the upstream.
 */
final class ItemFetch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArtifactFetcher fetcher;
    private final RetryPolicy retries;
    private final PrewarmListener listener;

    ItemFetch(ArtifactFetcher fetcher, RetryPolicy retries, PrewarmListener listener) {
        this.fetcher = fetcher;
        this.retries = retries;
        this.listener = listener;
    }

    ItemResult run(PrewarmItem item) {
        return switch (item) {
            case PrewarmItem.Version version -> fetchVersion(version, 0, 0, true);
            case PrewarmItem.Query query -> resolve(query);
            case PrewarmItem.Graph graph ->
                throw new IllegalArgumentException("a module graph is expanded before items run: " + graph.name());
        };
    }

    private ItemResult resolve(PrewarmItem.Query query) {
        ProxyRequest request = query.query().equals("latest")
                ? new ProxyRequest.Latest(query.module())
                : new ProxyRequest.Info(query.module(), query.query(), false);
        FetchOutcome outcome = fetch(request);
        if (outcome instanceof FetchOutcome.Failed failed) {
            return ItemResult.failed(
                    query.name(), query.origin(), 0, 0, "resolving " + query.query() + ": " + failed.reason());
        }
        FetchOutcome.Delivered answer = (FetchOutcome.Delivered) outcome;
        Optional<String> version = version(answer.body());
        try {
            ModuleCoordinate resolved = ModuleCoordinate.checked(
                    query.module(), version.orElseThrow(() -> new InvalidModuleException("the answer has no Version")));
            long fetched = answer.alreadyStored() ? 0 : answer.bytes();
            // Whether the version counts as present depends on its artifacts, not on a refreshed @latest.
            return fetchVersion(PrewarmItem.Version.complete(resolved, query.origin()), answer.bytes(), fetched, true);
        } catch (InvalidModuleException e) {
            return ItemResult.failed(
                    query.name(),
                    query.origin(),
                    answer.bytes(),
                    0,
                    "resolving " + query.query() + ": " + e.getMessage());
        }
    }

    private ItemResult fetchVersion(PrewarmItem.Version item, long bytes, long fetchedBytes, boolean allStored) {
        for (Artifact artifact : Artifact.values()) {
            if (!item.artifacts().contains(artifact)) {
                continue;
            }
            ProxyRequest request = artifact.request(item.coordinate());
            Optional<String> expected = item.expectedH1(artifact);
            FetchOutcome outcome = expected.isPresent()
                    ? fetch(request, () -> fetcher.fetchHashed(request))
                    : fetch(request, () -> fetcher.fetch(request));
            if (outcome instanceof FetchOutcome.Failed failed) {
                return ItemResult.failed(
                        item.name(), item.origin(), bytes, fetchedBytes, artifact.suffix() + ": " + failed.reason());
            }
            FetchOutcome.Delivered delivered = (FetchOutcome.Delivered) outcome;
            bytes += delivered.bytes();
            fetchedBytes += delivered.alreadyStored() ? 0 : delivered.bytes();
            allStored &= delivered.alreadyStored();
            Optional<String> mismatch = expected.flatMap(hash -> mismatch(item, artifact, hash, delivered.h1()));
            if (mismatch.isPresent()) {
                return ItemResult.failed(item.name(), item.origin(), bytes, fetchedBytes, mismatch.get());
            }
        }
        return new ItemResult(
                item.name(),
                item.origin(),
                allStored ? ItemResult.Status.PRESENT : ItemResult.Status.FETCHED,
                bytes,
                fetchedBytes,
                Optional.empty());
    }

    /** Why the fetched artifact does not vouch for the {@code expected} hash, if it does not. */
    private static Optional<String> mismatch(
            PrewarmItem.Version item, Artifact artifact, String expected, Optional<String> fetched) {
        String what = item.name() + " " + artifact.name().toLowerCase(Locale.ROOT);
        if (fetched.isEmpty()) {
            return Optional.of("cannot check the h1 of " + what + ": no hash of the fetched artifact is known");
        }
        if (!fetched.get().equals(expected)) {
            return Optional.of("h1 mismatch for " + what + ": go.sum has " + expected + ", fetched " + fetched.get());
        }
        return Optional.empty();
    }

    private FetchOutcome fetch(ProxyRequest request) {
        return fetch(request, () -> fetcher.fetch(request));
    }

    private FetchOutcome fetch(ProxyRequest request, Supplier<FetchOutcome> attempt) {
        FetchOutcome outcome = retries.run(attempt);
        if (outcome instanceof FetchOutcome.Delivered delivered) {
            listener.delivered(delivered.bytes());
        }
        return outcome;
    }

    private static Optional<String> version(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("Version").isTextual()
                    ? Optional.of(node.get("Version").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
