package io.modvault.core.integrity;

import io.modvault.core.storage.BlobIntegrity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces reads to at most {@code bytesPerSecond} on average: each read is charged to a schedule
 * that advances by {@code bytes / rate}, and a read waits until the schedule has caught up with
 * the clock. Idle time is not saved up, so a pass that starts after a pause does not burst. Time
 * comes from the injected {@link Clock} and waiting from the injected {@link Sleeper}, so tests
 * drive both without sleeping. Not thread-safe: one per scrub thread.
 */
public final class IoRateLimiter implements BlobIntegrity.ReadPacer {
    private final long bytesPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    /** How the limiter waits; {@link #REAL} sleeps the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration);

        void sleep(Duration duration) throws InterruptedException;
    }

    public IoRateLimiter(long bytesPerSecond, Clock clock, Sleeper sleeper) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, not " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextFree = clock.instant();
    }

    @Override
    public void beforeRead(long bytes) throws InterruptedException {
        Instant now = clock.instant();
        if (nextFree.isBefore(now)) {
            nextFree = now;
        }
        Duration wait = Duration.between(now, nextFree);
        nextFree = nextFree.plusNanos((long) (bytes * 1e9 / bytesPerSecond));
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
