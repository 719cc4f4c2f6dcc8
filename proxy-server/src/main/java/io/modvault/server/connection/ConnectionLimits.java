package io.modvault.server.connection;

import java.time.Duration;

/**
 * How long and how many: the deadline for a complete request head, the idle time allowed
 * between keep-alive requests, and the caps on open connections in total and per client address.
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections, int maxPerClient) {

    public ConnectionLimits {
        if (headerTimeout.isZero() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("connection timeouts must be positive");
        }
        if (maxConnections < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1");
        }
    }

    /** Caps for a process allowed {@code fdLimit} file descriptors, where a setting is {@code auto}. */
    public static ConnectionLimits of(
            Duration headerTimeout,
            Duration idleTimeout,
            OptionalCap maxConnections,
            OptionalCap maxPerClient,
            long fdLimit) {
        int total = maxConnections.orElse(FileDescriptorBudget.maxConnections(fdLimit));
        int perClient = maxPerClient.orElse(Math.max(1, total / 2));
        return new ConnectionLimits(headerTimeout, idleTimeout, total, perClient);
    }

    /** A configured cap, or {@code auto} (empty). */
    public record OptionalCap(int value) {
        public static final OptionalCap AUTO = new OptionalCap(0);

        int orElse(int automatic) {
            return value > 0 ? value : automatic;
        }
    }
}
