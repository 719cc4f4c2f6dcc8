package io.modvault.core.prewarm;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded retries for transient failures: up to {@code attempts} tries of one fetch, waiting
 * {@code firstBackoff}, then twice as long, between them. Only {@link FetchOutcome.Failed#retryable}
 * outcomes (5xx, timeouts, dropped connections) are tried again; a 404, 410 or other 4xx is an
 * answer, and an interrupted wait ends the retries at once.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Sleeper sleeper) {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }

    /** Three attempts, 0.5 s then 1 s apart: enough to ride out a restarting upstream, short enough not to stall a run. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(500), duration -> Thread.sleep(duration.toMillis()));
    }

    public FetchOutcome run(Supplier<FetchOutcome> attempt) {
        Duration backoff = firstBackoff;
        FetchOutcome outcome = attempt.get();
        for (int tried = 1;
                tried < attempts && outcome instanceof FetchOutcome.Failed failed && failed.retryable();
                tried++) {
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
            backoff = backoff.multipliedBy(2);
            outcome = attempt.get();
        }
        return outcome;
    }
}
