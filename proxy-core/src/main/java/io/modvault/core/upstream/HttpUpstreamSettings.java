package io.modvault.core.upstream;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How HTTP upstreams are reached. {@code requestTimeout} bounds the wait for response headers and
 * is also the read-idle deadline while a body streams (a large zip may take longer in total, but
 * may never stall for longer). An empty {@code proxySelector} means direct connections.
 */
public record HttpUpstreamSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<ProxySelector> proxySelector,
        String userAgent) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** proxy.golang.org itself gives up on slow origins after about a minute. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(75);

    public HttpUpstreamSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(proxySelector, "proxySelector");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** Default timeouts, direct connections, {@code User-Agent: modvault/<version>}. */
    public static HttpUpstreamSettings defaults(String version) {
        return new HttpUpstreamSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                Optional.empty(), userAgentFor(version));
    }

    public static String userAgentFor(String version) {
        return "modvault/" + version;
    }

    public HttpUpstreamSettings withProxySelector(ProxySelector selector) {
        return new HttpUpstreamSettings(connectTimeout, requestTimeout, Optional.of(selector), userAgent);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
