package io.modvault.core.upstream;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * One JDK {@link HttpClient} for one {@link HttpUpstreamSettings}, shared by every
 * {@link HttpUpstreamClient} built with it so connections are pooled across upstream entries.
 *
 * <p>Redirects follow {@link HttpClient.Redirect#NORMAL}: never from https to http (the go
 * command refuses those too) and at most 5 hops (JDK property
 * {@code jdk.httpclient.redirects.retrylimit}). The JDK drops {@code Authorization} on a redirect
 * to another origin, so credentials never leak to a CDN a proxy redirects to.
 */
public final class HttpTransport implements AutoCloseable {

    private final HttpUpstreamSettings settings;
    private final ExecutorService executor;
    private final HttpClient client;

    private HttpTransport(HttpUpstreamSettings settings, SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .executor(executor);
        settings.applyEgress(builder);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /** A transport trusting what {@code settings} trusts (by default the JVM's trust store). */
    public static HttpTransport create(HttpUpstreamSettings settings) {
        return new HttpTransport(settings, null);
    }

    /** A transport with its own TLS context, e.g. one trusting a corporate CA. */
    public static HttpTransport create(HttpUpstreamSettings settings, SSLContext sslContext) {
        return new HttpTransport(settings, Objects.requireNonNull(sslContext, "sslContext"));
    }

    public HttpUpstreamSettings settings() {
        return settings;
    }

    HttpClient client() {
        return client;
    }

    /** Waits for requests in flight, then releases the client's threads and connections. */
    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
