package io.modvault.core.fetch;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collapses concurrent calls for the same key into one execution. The work runs on its own
 * virtual thread, independent of any one caller; callers wait for it and share its result or
 * exception. A caller interrupted while waiting (its client went away) stops waiting and gets a
 * {@link CancellationException}; when the last waiter has left, the work is cancelled by
 * interrupting its thread, which closes its upstream connection and removes its temp file. Work
 * wraps its store writes in {@link Control#commit}, so a cancellation either comes before the
 * commit starts or not at all. Once finished the key is forgotten, so a failure is not remembered
 * and the next call runs the work again.
 */
public final class SingleFlight<V> {

    /** What shared work may ask of its flight. */
    public interface Control {
        /**
         * Runs {@code steps} to completion without being cancelled part-way.
         *
         * @throws CancellationException without running {@code steps}, if every waiter has left
         */
        <T> T commit(Supplier<T> steps);
    }

    private final ConcurrentMap<String, Flight<V>> inFlight = new ConcurrentHashMap<>();

    public V run(String key, Supplier<V> work) {
        return run(key, control -> work.get());
    }

    /**
     * Runs {@code work} for {@code key} unless a flight for it is already running, and waits for
     * its result; the work gets the flight's {@link Control} to commit its store writes.
     *
     * @throws CancellationException if the calling thread is interrupted while waiting (its
     *     interrupt status is set again)
     */
    public V run(String key, Function<Control, V> work) {
        Flight<V> created = new Flight<>(key);
        // The creator joins inside compute: a flight is never seen with no waiter before it starts.
        Flight<V> flight = inFlight.compute(
                key, (k, existing) -> existing != null && existing.join() ? existing : created.joinedBy());
        if (flight == created) {
            created.start(Thread.ofVirtual().name("flight " + key).unstarted(() -> {
                // Forgotten before it completes: a caller returning must never see its own old result again.
                try {
                    V value = work.apply(created);
                    inFlight.remove(key, created);
                    created.result.complete(value);
                } catch (Throwable t) {
                    inFlight.remove(key, created);
                    created.result.completeExceptionally(t);
                }
            }));
        }
        return await(key, flight);
    }

    private V await(String key, Flight<V> flight) {
        try {
            return flight.result.get();
        } catch (InterruptedException e) {
            if (flight.leave()) {
                inFlight.remove(key, flight);
            }
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped waiting for " + key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Number of keys currently being worked on (for tests and metrics). */
    public int inFlightCount() {
        return inFlight.size();
    }

    /** Callers currently waiting for {@code key}'s work (for tests). */
    int waiters(String key) {
        Flight<V> flight = inFlight.get(key);
        return flight == null ? 0 : flight.waiters();
    }
}
