package io.modvault.core.vcs.discovery;

import io.modvault.core.upstream.HttpUpstreamSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link GoImportResolver} reaches go-get pages and how long it trusts what it learned:
 * {@code http} supplies timeouts, the proxy selector (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and the
 * User-Agent; a resolved repository is reused for {@code ttl}, a definite failure (not found,
 * refused credentials, a malformed page) for {@code negativeTtl}; at most {@code maxEntries}
 * module paths are remembered.
 */
public record DiscoverySettings(HttpUpstreamSettings http, Duration ttl, Duration negativeTtl, int maxEntries) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(1);
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    public DiscoverySettings {
        Objects.requireNonNull(http, "http");
        requireNotNegative(ttl, "ttl");
        requireNotNegative(negativeTtl, "negativeTtl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
    }

    /** Ten minutes for answers, one for failures, 10 000 paths. */
    public static DiscoverySettings defaults(HttpUpstreamSettings http) {
        return new DiscoverySettings(http, DEFAULT_TTL, DEFAULT_NEGATIVE_TTL, DEFAULT_MAX_ENTRIES);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
