package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.upstream.UpstreamResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Remembered upstream not-found and refusal (403, 400, …) answers, keyed by upstream path, so
 * that the go command's parallel prefix probes ({@code corp.example/a/b}, {@code corp.example/a},
 * …) cost the upstream one request per TTL. A refusal by {@code GOPROXY=off} is not remembered:
 * it says nothing about the module and must not outlive a configuration change.
 *
 * <p>A not-found is stored as its one-line reason (the format entries written before refusals
 * were remembered have too); a refusal as its status, a newline, and its one-line reason.
 */
final class NegativeCache {
    private NegativeCache() {}

    static Optional<FetchResult> lookup(ModuleStore store, String upstreamPath, FetchSettings settings, Clock clock) {
        Optional<StoredEntry> entry = store.get(key(upstreamPath));
        if (entry.isEmpty()
                || !entry.get().storedAt().plus(settings.negativeTtl()).isAfter(clock.instant())) {
            return Optional.empty();
        }
        String value = new String(entry.get().value(), StandardCharsets.UTF_8);
        int newline = value.indexOf('\n');
        if (newline > 0) {
            try {
                int status = Integer.parseInt(value.substring(0, newline));
                return Optional.of(
                        new FetchResult.Refused(status, value.substring(newline + 1), CacheOutcome.NEGATIVE));
            } catch (NumberFormatException e) {
                return Optional.empty(); // not written by this class: ask the upstream again
            }
        }
        return Optional.of(new FetchResult.NotFound(value, CacheOutcome.NEGATIVE));
    }

    static void remember(ModuleStore store, UpstreamResult.NotFound<?> notFound, String reason, String upstreamPath) {
        if (!notFound.upstream().equals("off")) {
            store.put(key(upstreamPath), reason.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void remember(ModuleStore store, FetchResult.Refused refused, String upstreamPath) {
        store.put(key(upstreamPath), (refused.status() + "\n" + refused.reason()).getBytes(StandardCharsets.UTF_8));
    }

    static void forget(ModuleStore store, String upstreamPath) {
        EntryKey key = key(upstreamPath);
        if (store.get(key).isPresent()) {
            store.delete(key);
        }
    }

    private static EntryKey key(String upstreamPath) {
        return EntryKey.of(EntryKind.NEGATIVE, upstreamPath);
    }
}
