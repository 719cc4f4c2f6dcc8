package io.modvault.core.upstream;

import java.time.Duration;

/**
 * The end of one upstream request's time budget, on the monotonic clock: a wall-clock step
 * (NTP, a VM resumed) must neither cut a healthy download short nor extend a stuck one.
 */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** {@code wait}, or less if the deadline comes first (at least 1 ns: zero means "forever" to some APIs). */
    Duration cap(Duration wait) {
        long left = endNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(1, Math.min(left, wait.toNanos())));
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** "1800 s", or "250 ms" for the short deadlines tests use. */
    static String describe(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
