package io.modvault.server.prewarm;

import io.modvault.core.prewarm.ItemResult;
import io.modvault.core.prewarm.PrewarmListener;
import io.modvault.core.prewarm.Units;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a run's progress (items done of total, bytes delivered, since when) and describes it
 * the way both displays show it: {@code 12/40 items, 3.4 MiB, 1.2 MiB/s, ETA 20.0 s}. The ETA
 * assumes the remaining items take as long as the finished ones on average.
 */
final class ProgressCounter implements PrewarmListener {
    private final Clock clock;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Instant start;

    ProgressCounter(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public void started(int items) {
        start = clock.instant();
        total.set(items);
    }

    @Override
    public void delivered(long count) {
        bytes.addAndGet(count);
    }

    @Override
    public void finished(ItemResult result) {
        done.incrementAndGet();
    }

    int done() {
        return done.get();
    }

    /** Bytes so far and their rate, e.g. {@code 3.4 MiB, 1.2 MiB/s}. */
    String bytesAndRate() {
        Duration elapsed = Duration.between(start, clock.instant());
        long millis = Math.max(1, elapsed.toMillis());
        return Units.bytes(bytes.get()) + ", " + Units.bytes(bytes.get() * 1000 / millis) + "/s";
    }

    /** The whole progress line. */
    String line() {
        Duration elapsed = Duration.between(start, clock.instant());
        int finished = done.get();
        int all = total.get();
        String eta = finished == 0
                ? "ETA unknown"
                : "ETA " + Units.duration(elapsed.multipliedBy(all - finished).dividedBy(finished));
        return String.format(Locale.ROOT, "%d/%d items, %s, %s", finished, all, bytesAndRate(), eta);
    }
}
