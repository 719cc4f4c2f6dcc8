package io.modvault.core.fetch;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One execution shared by {@link SingleFlight}'s callers: its result, how many callers still
 * wait for it, and whether it may still be cancelled. Cancelling and committing exclude each
 * other under the flight's lock, so a commit never starts after a cancellation and is never
 * interrupted once started.
 */
final class Flight<V> implements SingleFlight.Control {

    private enum Phase {
        RUNNING,
        COMMITTING,
        CANCELLED
    }

    final CompletableFuture<V> result = new CompletableFuture<>();
    private final String key;
    private int waiters;
    private Phase phase = Phase.RUNNING;
    private Thread worker;

    Flight(String key) {
        this.key = key;
    }

    /** Adds a waiter; false if the flight was cancelled and a new one must start. */
    synchronized boolean join() {
        if (phase == Phase.CANCELLED) {
            return false;
        }
        waiters++;
        return true;
    }

    /** This flight with its first waiter, its creator. */
    synchronized Flight<V> joinedBy() {
        waiters++;
        return this;
    }

    synchronized void start(Thread thread) {
        worker = thread;
        thread.start();
    }

    /** Removes a waiter; true if it was the last and the work has been cancelled. */
    synchronized boolean leave() {
        waiters--;
        if (waiters > 0 || phase != Phase.RUNNING || result.isDone()) {
            return false;
        }
        phase = Phase.CANCELLED;
        worker.interrupt();
        return true;
    }

    synchronized int waiters() {
        return waiters;
    }

    @Override
    public <T> T commit(Supplier<T> steps) {
        synchronized (this) {
            if (phase == Phase.CANCELLED) {
                throw new CancellationException("no one waits for " + key + " any more");
            }
            phase = Phase.COMMITTING;
        }
        return steps.get();
    }
}
