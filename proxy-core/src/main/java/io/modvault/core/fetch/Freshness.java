package io.modvault.core.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an artifact may be served without asking the upstream again: forever for
 * immutable artifacts (canonical {@code .info}, {@code .mod}, {@code .zip}), a TTL otherwise.
 */
public record Freshness(boolean immutable, Duration ttl) {

    public static Freshness forever() {
        return new Freshness(true, Duration.ofDays(365));
    }

    public static Freshness ttl(Duration ttl) {
        return new Freshness(false, ttl);
    }

    /** True when something stored at {@code storedAt} may still be served as a HIT at {@code now}. */
    public boolean isFresh(Instant storedAt, Instant now) {
        return immutable || storedAt.plus(ttl).isAfter(now);
    }
}
