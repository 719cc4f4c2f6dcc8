package io.modvault.core.upstream;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import io.modvault.core.upstream.UpstreamResult.Refused;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * An upstream GOPROXY reached over {@code http://} or {@code https://}; the base URL may carry a
 * path ({@code https://corp.example/gp}) and userinfo, sent as Basic auth over https only (like
 * the go command, credentials are refused for plain http). 200 is {@link Found}, 404 and 410 are
 * {@link NotFound}, most other 4xx are {@link Refused}, everything else, transport errors, truncated bodies, size limits and timeouts
 * are {@link Failed}. Bodies stream chunk by chunk under a read-idle deadline. A download
 * target that cannot be written is a local fault, not an upstream outcome: it throws
 * {@link java.io.UncheckedIOException}.
 */
public final class HttpUpstreamClient implements UpstreamClient {

    private final String name;
    private final String requestBase;
    private final boolean plainHttp;
    private final Optional<String> authorization;
    private final HttpTransport transport;

    /**
     * @throws IllegalArgumentException if {@code base} is not an http(s) URL with a host, or has a
     *     query or fragment
     */
    public HttpUpstreamClient(URI base, HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + UpstreamUrls.redact(base));
        }
        if (base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "proxy URL needs a host and no query or fragment: " + UpstreamUrls.redact(base));
        }
        String authority = base.getRawAuthority();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.requestBase = scheme + "://" + authority.substring(authority.lastIndexOf('@') + 1)
                + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        this.name = UpstreamUrls.redact(base);
        this.plainHttp = scheme.equals("http");
        this.authorization = UpstreamUrls.basicAuthorization(base);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return fetch(path, maxBytes, BodySink::inMemory);
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        Objects.requireNonNull(target, "target");
        return fetch(path, maxBytes, () -> HashingFileWriter.open(target));
    }

    private <T> UpstreamResult<T> fetch(String path, long maxBytes, Supplier<BodySink<T>> sinks) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Optional<String> invalid = UpstreamUrls.checkPath(path);
        if (invalid.isPresent()) {
            return new Failed<>(name, invalid.get(), false);
        }
        if (plainHttp && authorization.isPresent()) {
            return new Failed<>(name, "refusing to pass credentials to insecure URL: " + name, false);
        }
        URI uri = URI.create(requestBase + "/" + UpstreamUrls.escapePath(path));
        String shown = uri.toString();
        Deadline deadline = Deadline.after(transport.settings().fetchDeadline());
        Duration timeout = deadline.cap(transport.settings().requestTimeout());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = transport.client().send(request(uri, timeout), HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            return new Failed<>(
                    name,
                    "timed out after " + millis(transport.settings().connectTimeout()) + " connecting for " + shown,
                    true);
        } catch (HttpTimeoutException e) {
            return new Failed<>(name, "timed out after " + millis(timeout) + " waiting for " + shown, true);
        } catch (IOException e) {
            return new Failed<>(name, "GET " + shown + ": " + describe(e), false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed<>(name, "interrupted while requesting " + shown, false, false);
        }
        BodyQueue body = new BodyQueue();
        response.body().subscribe(body);
        try {
            if (response.statusCode() == 200) {
                return readBody(response, body, shown, maxBytes, sinks, deadline);
            }
            return errorResult(response, body, shown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed<>(name, "interrupted while reading " + shown, false, false);
        } finally {
            body.cancel();
        }
    }

    private HttpRequest request(URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("User-Agent", transport.settings().userAgent());
        if (plainHttp) {
            // No h2c upgrade dance on cleartext: some proxies and servers mishandle it.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private <T> UpstreamResult<T> readBody(
            HttpResponse<?> response,
            BodyQueue body,
            String shown,
            long maxBytes,
            Supplier<BodySink<T>> sinks,
            Deadline deadline)
            throws InterruptedException {
        OptionalLong declared = contentLength(response);
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            return tooLarge(shown, maxBytes, " (Content-Length " + declared.getAsLong() + ")");
        }
        Duration idle = transport.settings().requestTimeout();
        long total = 0;
        try (BodySink<T> sink = sinks.get()) {
            for (Optional<List<ByteBuffer>> chunks; (chunks = body.next(deadline.cap(idle))).isPresent(); ) {
                for (ByteBuffer chunk : chunks.get()) {
                    total += chunk.remaining();
                    if (total > maxBytes) {
                        return tooLarge(shown, maxBytes, "");
                    }
                    sink.write(chunk);
                }
            }
            if (declared.isPresent() && total != declared.getAsLong()) {
                return new Failed<>(
                        name,
                        "body of " + shown + " ended after " + total + " of " + declared.getAsLong() + " bytes",
                        false,
                        true);
            }
            return new Found<>(name, sink.finish());
        } catch (HttpTimeoutException e) {
            if (deadline.passed()) {
                return new Failed<>(
                        name,
                        "exceeded the fetch deadline of "
                                + Deadline.describe(transport.settings().fetchDeadline()) + " after " + total
                                + " bytes of " + shown,
                        true);
            }
            return new Failed<>(name, "stalled: no data for " + millis(idle) + " while reading " + shown, true);
        } catch (IOException e) {
            return new Failed<>(name, "reading " + shown + ": " + describe(e), false, true);
        }
    }

    private <T> UpstreamResult<T> errorResult(HttpResponse<?> response, BodyQueue body, String shown)
            throws InterruptedException {
        int status = response.statusCode();
        Optional<String> detail = ErrorDetail.read(
                response.headers().firstValue("Content-Type"),
                body,
                transport.settings().requestTimeout());
        if (status == 404 || status == 410) {
            return new NotFound<>(name, status, detail.orElse(StatusTexts.text(status)));
        }
        if (isRefusal(status)) {
            return new Refused<>(name, status, detail.orElse(StatusTexts.text(status)));
        }
        Optional<String> insecure = insecureRedirect(response);
        if (insecure.isPresent()) {
            return new Failed<>(name, insecure.get(), false);
        }
        return new Failed<>(
                name,
                StatusTexts.statusLine(status) + " from " + shown
                        + detail.map(d -> ": " + d).orElse(""),
                false,
                status / 100 == 5);
    }

    /**
     * A 4xx about the request itself. Not 407 (our egress proxy wants credentials: a fault of
     * this server's setup), 408 or 429 (transient: remembering them would prolong an overload).
     */
    private static boolean isRefusal(int status) {
        return status / 100 == 4 && status != 407 && status != 408 && status != 429;
    }

    /** The JDK silently returns the 3xx when it refuses https to http; say why, as go does. */
    private static Optional<String> insecureRedirect(HttpResponse<?> response) {
        if (response.statusCode() / 100 != 3
                || !"https".equalsIgnoreCase(response.uri().getScheme())) {
            return Optional.empty();
        }
        try {
            return response.headers()
                    .firstValue("Location")
                    .map(location -> response.uri().resolve(location.trim()))
                    .filter(target -> "http".equalsIgnoreCase(target.getScheme()))
                    .map(target -> "redirected from secure URL " + UpstreamUrls.redact(response.uri())
                            + " to insecure URL " + UpstreamUrls.redact(target));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private <T> UpstreamResult<T> tooLarge(String shown, long maxBytes, String why) {
        return new Failed<>(name, "body of " + shown + " exceeds the limit of " + maxBytes + " bytes" + why, false);
    }

    private static OptionalLong contentLength(HttpResponse<?> response) {
        try {
            return response.headers().firstValueAsLong("Content-Length");
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    @Override
    public String toString() {
        return "HttpUpstreamClient[" + name + "]";
    }
}
