package io.modvault.core.upstream;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How HTTP upstreams are reached. {@code requestTimeout} bounds the wait for response headers and
 * is also the read-idle deadline while a body streams (a large zip may take longer in total, but
 * may never stall for longer). {@code fetchDeadline} bounds one whole request, headers and body,
 * so an upstream that drips a byte now and then cannot hold a download open for ever. An empty
 * {@code proxySelector} means direct connections; {@code proxyAuthenticator} answers the proxies'
 * challenges; {@code tls}, when present, replaces the JVM's default trust (e.g. the defaults plus
 * {@code MODVAULT_CA_FILE}).
 */
public record HttpUpstreamSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<ProxySelector> proxySelector,
        String userAgent,
        Duration fetchDeadline,
        Optional<Authenticator> proxyAuthenticator,
        Optional<SSLContext> tls) {

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
        Objects.requireNonNull(proxyAuthenticator, "proxyAuthenticator");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** Settings without proxy credentials, trusting the JVM's default certificates. */
    public HttpUpstreamSettings(
            Duration connectTimeout,
            Duration requestTimeout,
            Optional<ProxySelector> proxySelector,
            String userAgent,
            Duration fetchDeadline) {
        this(
                connectTimeout,
                requestTimeout,
                proxySelector,
                userAgent,
                fetchDeadline,
                Optional.empty(),
                Optional.empty());
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
                connectTimeout,
                requestTimeout,
                Optional.of(selector),
                userAgent,
                fetchDeadline,
                proxyAuthenticator,
                tls);
    }

    /** The proxies of {@code egress} (none when it names none) and their credentials. */
    public HttpUpstreamSettings withEgress(EnvironmentProxySelector egress) {
        return new HttpUpstreamSettings(
                connectTimeout,
                requestTimeout,
                egress.proxies() ? Optional.of(egress) : Optional.empty(),
                userAgent,
                fetchDeadline,
                egress.authenticator(),
                tls);
    }

    public HttpUpstreamSettings withTls(SSLContext context) {
        return new HttpUpstreamSettings(
                connectTimeout,
                requestTimeout,
                proxySelector,
                userAgent,
                fetchDeadline,
                proxyAuthenticator,
                Optional.of(context));
    }

    /** Gives {@code builder} the proxies, their credentials and the trust these settings name. */
    public HttpClient.Builder applyEgress(HttpClient.Builder builder) {
        proxySelector.ifPresent(builder::proxy);
        proxyAuthenticator.ifPresent(builder::authenticator);
        tls.ifPresent(builder::sslContext);
        return builder;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
