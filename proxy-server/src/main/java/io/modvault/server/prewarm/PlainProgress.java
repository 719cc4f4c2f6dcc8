package io.modvault.server.prewarm;

import io.modvault.core.prewarm.ItemResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress for logs and CI (standard error is not a terminal): one plain line
 * {@code prewarm: 12/40 items, 3.4 MiB, 1.2 MiB/s, ETA 20.0 s} every {@code interval}, so a long
 * run shows it is alive without flooding the log with one line per artifact.
 */
final class PlainProgress implements ProgressDisplay {
    private final ProgressCounter counter;
    private final PrintStream out;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "prewarm-progress");
        thread.setDaemon(true);
        return thread;
    });

    PlainProgress(ProgressCounter counter, PrintStream out, Duration interval) {
        this.counter = counter;
        this.out = out;
        long millis = interval.toMillis();
        ticker.scheduleAtFixedRate(
                () -> out.println("prewarm: " + counter.line()), millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void readingGraph(String origin) {
        out.println("prewarm: reading the module graph of " + origin);
    }

    @Override
    public void started(int items) {
        counter.started(items);
    }

    @Override
    public void delivered(long bytes) {
        counter.delivered(bytes);
    }

    @Override
    public void finished(ItemResult result) {
        counter.finished(result);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        out.flush();
    }
}
