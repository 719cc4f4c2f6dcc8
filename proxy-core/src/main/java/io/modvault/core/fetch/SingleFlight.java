package io.modvault.core.fetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Collapses concurrent calls for the same key into one execution: the first caller runs the
 * work, later callers block (on their own virtual threads) until it finishes and share its
 * result or exception. Once finished the key is forgotten, so a failure is not remembered and
 * the next call runs the work again.
 */
public final class SingleFlight<V> {
    private final ConcurrentMap<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    public V run(String key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return awaitShared(existing);
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static <V> V awaitShared(CompletableFuture<V> shared) {
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Number of keys currently being worked on (for tests and metrics). */
    public int inFlightCount() {
        return inFlight.size();
    }
}
