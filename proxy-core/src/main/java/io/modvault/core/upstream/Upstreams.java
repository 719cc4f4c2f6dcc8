package io.modvault.core.upstream;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the {@link UpstreamClient} for one GOPROXY URL. HTTP clients made for equal settings
 * share one {@link HttpTransport} (one JDK client and connection pool per configuration) for
 * the life of the process, which is what a server with a fixed configuration wants.
 */
public final class Upstreams {

    private static final Map<HttpUpstreamSettings, HttpTransport> TRANSPORTS = new ConcurrentHashMap<>();

    private Upstreams() {}

    /**
     * An {@link HttpUpstreamClient} for http(s) URLs, a {@link FileUpstreamClient} for file URLs.
     *
     * @throws IllegalArgumentException for any other scheme or an invalid URL
     */
    public static UpstreamClient forUri(URI uri, HttpUpstreamSettings settings) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> new HttpUpstreamClient(uri, transport(settings));
            case "file" -> new FileUpstreamClient(uri);
            default ->
                throw new IllegalArgumentException(
                        "invalid proxy URL scheme (must be https, http, file): " + UpstreamUrls.redact(uri));
        };
    }

    /** The shared transport for {@code settings}, created on first use. */
    public static HttpTransport transport(HttpUpstreamSettings settings) {
        return TRANSPORTS.computeIfAbsent(settings, HttpTransport::create);
    }
}
