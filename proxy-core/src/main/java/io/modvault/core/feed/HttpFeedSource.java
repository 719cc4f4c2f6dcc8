package io.modvault.core.feed;

import io.modvault.core.catalog.IndexLines;
import io.modvault.core.upstream.CommandHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a feed over HTTP: {@code GET <url>?since=TIME&limit=N} (appended with {@code &} when the
 * URL has a query already, e.g. {@code https://index.golang.org/index?include=all}). A page is
 * read whole but bounded, so a misbehaving server cannot exhaust memory.
 */
public final class HttpFeedSource implements FeedSource {
    private static final int MAX_PAGE_BYTES = 32 << 20;
    private static final int REASON_LIMIT = 300;
    private final String url;
    private final HttpClient client;
    private final Duration timeout;

    public HttpFeedSource(String url, Duration connectTimeout, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = CommandHttpClients.create(connectTimeout);
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    public List<IndexLines.Line> page(Instant since, int limit) {
        String pageUrl = url + (url.contains("?") ? "&" : "?") + "since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8) + "&limit=" + limit;
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(pageUrl))
                    .timeout(timeout)
                    .GET()
                    .build();
            HttpResponse<InputStream> response = client.send(get, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readNBytes(REASON_LIMIT), StandardCharsets.UTF_8).strip();
                    throw new FeedException("GET " + pageUrl + ": " + response.statusCode()
                            + (text.isEmpty()
                                    ? ""
                                    : ": " + text.lines().findFirst().orElse("")));
                }
                byte[] bytes = body.readNBytes(MAX_PAGE_BYTES + 1);
                if (bytes.length > MAX_PAGE_BYTES) {
                    throw new FeedException("GET " + pageUrl + ": page larger than " + MAX_PAGE_BYTES + " bytes");
                }
                return IndexLines.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new FeedException("GET " + pageUrl + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedException("GET " + pageUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("GET " + pageUrl + ": interrupted", e);
        }
    }
}
