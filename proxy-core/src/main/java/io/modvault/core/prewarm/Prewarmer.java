package io.modvault.core.prewarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a list of {@link PrewarmItem}s through an {@link ArtifactFetcher} with {@code jobs}
 * virtual-thread workers, each item's fetches under the {@link RetryPolicy}, reporting progress
 * to a {@link PrewarmListener}. Module graphs (go.mod, go.work) are expanded first
 * ({@link GraphExpansion}), with the same fetcher, retries and parallelism. {@link #cancel()} (Ctrl-C) interrupts the workers: fetches in
 * flight are abandoned (the store commits atomically, so nothing partial remains), items not yet
 * finished are left out of the report, and the report says it was interrupted.
 */
public final class Prewarmer {
    private final ArtifactFetcher fetcher;
    private final RetryPolicy retries;
    private final int jobs;
    private final Clock clock;
    private volatile List<Thread> workers = List.of();
    private volatile Thread expanding;
    private volatile boolean cancelled;

    public Prewarmer(ArtifactFetcher fetcher, RetryPolicy retries, int jobs, Clock clock) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.jobs = jobs;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Prewarms {@code inputs} (module graphs expanded first); returns when all ran or the run was cancelled. */
    public PrewarmReport run(List<PrewarmItem> inputs, PrewarmListener listener) {
        Instant start = clock.instant();
        GraphExpansion graphs = new GraphExpansion(fetcher, retries, jobs);
        Optional<List<PrewarmItem>> expanded = expand(graphs, inputs, listener);
        if (expanded.isEmpty()) {
            return new PrewarmReport(inputs.size(), List.of(), Duration.between(start, clock.instant()), true);
        }
        List<PrewarmItem> items = expanded.get();
        listener.started(items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<ItemResult> results = new AtomicReferenceArray<>(items.size());
        ItemFetch fetch = new ItemFetch(graphs.fetcher(), retries, listener);
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && !cancelled; i = next.getAndIncrement()) {
                ItemResult result = fetch.run(items.get(i));
                if (!cancelled) {
                    results.set(i, result);
                    listener.finished(result);
                }
            }
        };
        // All workers are listed before any starts, so a cancel() from another thread reaches each one.
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < Math.min(jobs, items.size()); i++) {
            started.add(Thread.ofVirtual().name("prewarm-", i).unstarted(work));
        }
        workers = List.copyOf(started);
        started.forEach(Thread::start);
        joinWorkers();
        List<ItemResult> done = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results.get(i) != null) {
                done.add(results.get(i));
            }
        }
        return new PrewarmReport(
                items.size(), done, Duration.between(start, clock.instant()), done.size() < items.size());
    }

    /** The items of the expanded graphs, or empty when the run was cancelled meanwhile. */
    private Optional<List<PrewarmItem>> expand(
            GraphExpansion graphs, List<PrewarmItem> inputs, PrewarmListener listener) {
        expanding = Thread.currentThread();
        try {
            List<PrewarmItem> items = graphs.expand(inputs, listener::readingGraph);
            return cancelled ? Optional.empty() : Optional.of(items);
        } catch (InterruptedException e) {
            cancelled = true; // an interrupt from elsewhere stops the run as cancel() does
            return Optional.empty();
        } finally {
            expanding = null;
            if (cancelled) {
                Thread.interrupted(); // cancel() interrupts this thread to stop the expansion; that is done now
            }
        }
    }

    /** Stops the run: no new item starts and fetches in flight are interrupted; later runs end at once. */
    public void cancel() {
        cancelled = true;
        Thread graphs = expanding;
        if (graphs != null) {
            graphs.interrupt();
        }
        workers.forEach(Thread::interrupt);
    }

    private void joinWorkers() {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                workers.forEach(Prewarmer::joinUninterruptibly);
                return;
            }
        }
    }

    private static void joinUninterruptibly(Thread worker) {
        boolean interrupted = Thread.interrupted();
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
