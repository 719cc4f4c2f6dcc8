package io.modvault.core.integrity;

import java.time.Duration;
import java.util.Optional;

/**
 * When the background scrub runs: every {@code interval} (empty: never, the default) and reading
 * at most {@code bytesPerSecond}, so it never competes seriously with serving.
 */
public record ScrubSettings(Optional<Duration> interval, long bytesPerSecond) {
    public static final long DEFAULT_RATE = 20L << 20;

    public ScrubSettings {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("scrub rate must be positive");
        }
        if (interval.isPresent() && (interval.get().isZero() || interval.get().isNegative())) {
            throw new IllegalArgumentException("scrub interval must be positive; use off to disable");
        }
    }

    public static ScrubSettings off() {
        return new ScrubSettings(Optional.empty(), DEFAULT_RATE);
    }
}
