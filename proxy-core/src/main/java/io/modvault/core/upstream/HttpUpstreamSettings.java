package io.modvault.core.upstream;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How HTTP upstreams are reached. {@code requestTimeout} bounds the wait for response headers and
 * is also the read-idle deadline while a body streams (a large zip may take longer in total, but
 * may never stall for longer). {@code fetchDeadline} bounds one whole request, headers and body,
 * so an upstream that drips a byte now and then cannot hold a download open for ever. An empty
 * {@code proxySelector} means direct connections.
 */
public record HttpUpstreamSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<ProxySelector> proxySelector,
        String userAgent,
        Duration fetchDeadline) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** proxy.golang.org itself gives up on slow origins after about a minute. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(75);
    /**
     * Go's largest zip (500 MiB) in 30 minutes needs about 285 KiB/s (2.3 Mbit/s): a slow but
     * working link finishes, while a stream slower than that is not worth holding a connection,
     * a temp file and the waiting clients for.
     */
    public static final Duration DEFAULT_FETCH_DEADLINE = Duration.ofMinutes(30);

    public HttpUpstreamSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(fetchDeadline, "fetchDeadline");
        Objects.requireNonNull(proxySelector, "proxySelector");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** Settings with the default {@link #DEFAULT_FETCH_DEADLINE}. */
    public HttpUpstreamSettings(
            Duration connectTimeout, Duration requestTimeout, Optional<ProxySelector> proxySelector, String userAgent) {
        this(connectTimeout, requestTimeout, proxySelector, userAgent, DEFAULT_FETCH_DEADLINE);
    }

    /** Default timeouts, direct connections, {@code User-Agent: modvault/<version>}. */
    public static HttpUpstreamSettings defaults(String version) {
        return new HttpUpstreamSettings(
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Optional.empty(), userAgentFor(version));
    }

    public static String userAgentFor(String version) {
        return "modvault/" + version;
    }

    public HttpUpstreamSettings withProxySelector(ProxySelector selector) {
        return new HttpUpstreamSettings(
                connectTimeout, requestTimeout, Optional.of(selector), userAgent, fetchDeadline);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
