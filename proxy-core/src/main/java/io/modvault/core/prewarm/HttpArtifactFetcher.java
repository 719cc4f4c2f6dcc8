package io.modvault.core.prewarm;

import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.upstream.CommandHttpClients;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Fetches with plain GETs of the GOPROXY paths from a running modvault (or any GOPROXY), which
 * fetches, verifies and stores on its side. Zips are read to the end and discarded, so the server
 * completes its download; modvault's {@code X-Modvault-Cache} header tells an artifact it already
 * had ({@code HIT}) from one it fetched; other proxies' answers all count as fetched.
 */
public final class HttpArtifactFetcher implements ArtifactFetcher {
    private static final Set<String> ALREADY_STORED = Set.of("HIT", "STALE");
    private static final int REASON_LIMIT = 300;
    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    /** {@code timeout} bounds the wait for a response to start; the body may take longer. */
    public HttpArtifactFetcher(String baseUrl, Duration connectTimeout, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.client = CommandHttpClients.create(connectTimeout);
    }

    /** The server's base URL, as reports name it. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public FetchOutcome fetch(ProxyRequest request) {
        return fetch(request, false);
    }

    /**
     * Hashes the bytes as they arrive: a {@code .mod} from its body, a zip streamed to a temp file
     * (never held in memory), hashed there with {@link DirHash#hashZip} and deleted.
     */
    @Override
    public FetchOutcome fetchHashed(ProxyRequest request) {
        return fetch(request, true);
    }

    private FetchOutcome fetch(ProxyRequest request, boolean hashed) {
        String url = baseUrl + "/" + request.upstreamPath();
        HttpRequest get;
        try {
            get = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            return new FetchOutcome.Failed(0, "bad URL " + url + ": " + e.getMessage(), false);
        }
        try {
            HttpResponse<InputStream> response = client.send(get, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readNBytes(REASON_LIMIT), StandardCharsets.UTF_8).strip();
                    String reason =
                            response.statusCode() + " from " + baseUrl + (text.isEmpty() ? "" : ": " + firstLine(text));
                    return FetchOutcome.Failed.withStatus(response.statusCode(), reason);
                }
                boolean stored = response.headers()
                        .firstValue("X-Modvault-Cache")
                        .filter(ALREADY_STORED::contains)
                        .isPresent();
                if (request instanceof ProxyRequest.Zip) {
                    return hashed
                            ? ZipDownload.hashed(body, stored, url)
                            : new FetchOutcome.Delivered(
                                    body.transferTo(OutputStream.nullOutputStream()), stored, new byte[0]);
                }
                byte[] bytes = body.readAllBytes();
                FetchOutcome.Delivered delivered = new FetchOutcome.Delivered(bytes.length, stored, bytes);
                return hashed && request instanceof ProxyRequest.Mod
                        ? delivered.withH1(DirHash.hashGoMod(bytes))
                        : delivered;
            }
        } catch (HttpTimeoutException e) {
            return new FetchOutcome.Failed(0, url + ": timed out after " + timeout.toSeconds() + " s", true);
        } catch (IOException e) {
            return new FetchOutcome.Failed(0, url + ": " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchOutcome.Failed(0, "interrupted", false);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
