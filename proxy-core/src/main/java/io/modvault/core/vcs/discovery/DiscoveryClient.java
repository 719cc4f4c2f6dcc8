package io.modvault.core.vcs.discovery;

import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.vcs.auth.Credential;
import io.modvault.core.vcs.auth.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Fetches {@code <importPath>?go-get=1} the way the go command's {@code web.Get} does: https
 * first; for GOINSECURE paths a failed https attempt (made without certificate checks and given
 * five seconds, Go's "impatient" client) falls back to plain http. Redirects are followed here,
 * at most 10, and from https to http only within that GOINSECURE https attempt; credentials are
 * attached per hop by {@link Credentials#forUrl}, so they reach only the host they belong to.
 */
final class DiscoveryClient implements AutoCloseable {

    /** Enough for any page's {@code <head>}; the rest is never read. */
    static final int MAX_PAGE_BYTES = 1 << 20;

    private static final int MAX_REDIRECTS = 10;
    private static final Duration IMPATIENT = Duration.ofSeconds(5);

    /** An HTTP answer, whatever its status, with the tags parsed from it. */
    record Page(URI url, int status, MetaImports.Parsed parsed, Optional<Credential> sentCredential) {}

    /** No usable HTTP answer: connection, TLS, redirect or timeout failure. */
    static final class TransportFailure extends Exception {
        private final boolean timeout;

        TransportFailure(String message, boolean timeout) {
            super(message);
            this.timeout = timeout;
        }

        boolean timeout() {
            return timeout;
        }
    }

    private final HttpUpstreamSettings settings;
    private final Credentials credentials;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient verifying;
    private final HttpClient unverified;

    DiscoveryClient(HttpUpstreamSettings settings, Optional<SSLContext> tls, Credentials credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.verifying = client(tls, settings.connectTimeout());
        Duration impatient = settings.connectTimeout().compareTo(IMPATIENT) < 0 ? settings.connectTimeout() : IMPATIENT;
        this.unverified = client(Optional.of(InsecureTls.context()), impatient);
    }

    private HttpClient client(Optional<SSLContext> tls, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor);
        settings.applyEgress(builder);
        tls.ifPresent(builder::sslContext);
        return builder.build();
    }

    /** The discovery page of {@code importPath}; {@code insecure} when GOINSECURE matches it. */
    Page get(String importPath, boolean insecure) throws TransportFailure {
        int slash = importPath.indexOf('/');
        String host = slash < 0 ? importPath : importPath.substring(0, slash);
        String path = slash < 0 ? "/" : importPath.substring(slash);
        try {
            return fetch(URI.create("https://" + host + path + "?go-get=1"), insecure);
        } catch (TransportFailure secureFailure) {
            if (!insecure) {
                throw secureFailure;
            }
            return fetch(URI.create("http://" + host + path + "?go-get=1"), true);
        }
    }

    /**
     * One attempt, as Go's {@code fetch}: the https attempt for a GOINSECURE path uses the
     * unverified, impatient client for every hop and may be redirected to http; any other attempt
     * verifies certificates and refuses https-to-http redirects.
     */
    private Page fetch(URI start, boolean insecure) throws TransportFailure {
        boolean impatient = insecure && start.getScheme().equals("https");
        HttpClient client = impatient ? unverified : verifying;
        Duration timeout =
                impatient && IMPATIENT.compareTo(settings.requestTimeout()) < 0 ? IMPATIENT : settings.requestTimeout();
        URI url = start;
        for (int redirects = 0; ; redirects++) {
            Optional<Credential> credential = credentials.forUrl(url);
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(url).GET().timeout(timeout).header("User-Agent", settings.userAgent());
            credential.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
            HttpResponse<byte[]> response = send(client, request.build(), timeout);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                byte[] body = response.body() == null ? new byte[0] : response.body();
                return new Page(url, response.statusCode(), MetaImports.parse(body), credential);
            }
            URI next = redirectTarget(url, location.get());
            if (redirects + 1 >= MAX_REDIRECTS) {
                throw new TransportFailure(
                        "Get \"" + next + "\": stopped after " + MAX_REDIRECTS + " redirects", false);
            }
            if (url.getScheme().equals("https") && next.getScheme().equals("http") && !impatient) {
                throw new TransportFailure(
                        "Get \"" + next + "\": redirected from secure URL " + url + " to insecure URL " + next, false);
            }
            url = next;
        }
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration timeout)
            throws TransportFailure {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(
                request,
                info -> isRedirect(info.statusCode())
                        ? HttpResponse.BodySubscribers.replacing(null)
                        : new LimitedBody(MAX_PAGE_BYTES));
        try {
            // The request timeout covers the headers; this bound also covers a body that stalls.
            return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportFailure(
                    "Get \"" + request.uri() + "\": timed out after " + timeout.toSeconds() + "s", true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportFailure("Get \"" + request.uri() + "\": interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean timedOut = cause instanceof HttpTimeoutException;
            throw new TransportFailure("Get \"" + request.uri() + "\": " + describe(cause), timedOut);
        }
    }

    private static URI redirectTarget(URI from, String location) throws TransportFailure {
        URI next;
        try {
            next = from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new TransportFailure("Get \"" + from + "\": invalid redirect location " + location, false);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || next.getHost() == null) {
            throw new TransportFailure("Get \"" + from + "\": unsupported redirect to " + location, false);
        }
        return next;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The most telling message in a JDK exception chain (ConnectException often has none). */
    private static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public void close() {
        verifying.close();
        unverified.close();
        executor.close();
    }
}
