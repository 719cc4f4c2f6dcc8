package io.modvault.core.vcs.discovery;

import io.modvault.core.vcs.VcsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers discovery results per key: answers for one TTL; definite failures ({@code NOT_FOUND},
 * {@code AUTH}) for a shorter one; other failures (network, 5xx, malformed pages) not at all, so
 * they are retried at once. Concurrent lookups of one key share a single load (the go command
 * asks for every prefix of a package path at once). Bounded: expired entries go first, then the
 * oldest.
 */
final class ExpiringCache<V> {

    private sealed interface Outcome<V> permits Value, Failure {}

    private record Value<V>(V value) implements Outcome<V> {}

    private record Failure<V>(VcsException error) implements Outcome<V> {}

    private record Entry<V>(Outcome<V> outcome, Instant expires) {}

    private final Clock clock;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Outcome<V>>> loading = new ConcurrentHashMap<>();

    ExpiringCache(Clock clock, Duration ttl, Duration negativeTtl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.maxEntries = maxEntries;
    }

    /**
     * The remembered or freshly loaded value.
     *
     * @throws VcsException the loader's failure (a new instance each time, so stack traces fit the caller)
     */
    V get(String key, Supplier<V> loader) {
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry != null && clock.instant().isBefore(entry.expires())) {
                return unwrap(entry.outcome());
            }
        }
        CompletableFuture<Outcome<V>> mine = new CompletableFuture<>();
        CompletableFuture<Outcome<V>> theirs = loading.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return unwrap(theirs.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Outcome<V> outcome;
            try {
                outcome = new Value<>(loader.get());
            } catch (VcsException e) {
                outcome = new Failure<>(e);
            }
            remember(key, outcome);
            mine.complete(outcome);
            return unwrap(outcome);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void remember(String key, Outcome<V> outcome) {
        Duration keep = switch (outcome) {
            case Value<V> v -> ttl;
            case Failure<V> f ->
                switch (f.error().kind()) {
                    case NOT_FOUND, AUTH -> negativeTtl;
                    case FAILED, TIMEOUT -> Duration.ZERO;
                };
        };
        if (keep.isZero()) {
            return;
        }
        Instant now = clock.instant();
        synchronized (entries) {
            entries.remove(key);
            entries.put(key, new Entry<>(outcome, now.plus(keep)));
            if (entries.size() > maxEntries) {
                entries.values().removeIf(e -> !now.isBefore(e.expires()));
            }
            Iterator<Entry<V>> oldest = entries.values().iterator();
            while (entries.size() > maxEntries && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    private static <V> V unwrap(Outcome<V> outcome) {
        return switch (outcome) {
            case Value<V> v -> v.value();
            case Failure<V> f ->
                throw new VcsException(
                        f.error().kind(), f.error().getMessage(), f.error().getCause());
        };
    }
}
