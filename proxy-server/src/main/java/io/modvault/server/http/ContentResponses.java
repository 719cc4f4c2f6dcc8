package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Responses for small bodies ({@code .info}, {@code .mod}, lists, checksum-database answers):
 * strong ETag, {@code If-None-Match}, {@code Cache-Control} by freshness, {@code Age} for TTL'd
 * answers. Pure computation, so it runs on the event loop for memory-cache hits.
 */
final class ContentResponses {
    private ContentResponses() {}

    /** A strong ETag: 160 bits of the body's SHA-256, URL-safe base64, quoted. */
    static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static PreparedResponse render(
            FetchResult.Content content, String etag, HttpHeaders request, boolean headOnly, Clock clock) {
        HttpResponse head;
        byte[] body = content.body();
        if (ResponsePreparer.matches(request, etag)) {
            head = Responses.head(304, null, 0);
            head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            body = new byte[0];
        } else {
            head = Responses.head(200, content.type().header(), body.length);
        }
        head.headers().set(HttpHeaderNames.ETAG, etag);
        head.headers().set(Responses.CACHE_HEADER, content.outcome().name());
        if (content.freshness().immutable()) {
            head.headers().set(HttpHeaderNames.CACHE_CONTROL, ResponsePreparer.IMMUTABLE);
        } else {
            long age = Math.max(
                    0, Duration.between(content.storedAt(), clock.instant()).toSeconds());
            long maxAge = Math.max(0, content.freshness().ttl().toSeconds() - age);
            head.headers().set(HttpHeaderNames.AGE, age);
            head.headers()
                    .set(
                            HttpHeaderNames.CACHE_CONTROL,
                            content.outcome() == CacheOutcome.STALE ? "no-cache" : "public, max-age=" + maxAge);
        }
        if (!content.staleBecause().isEmpty()) {
            head.headers().set("X-Modvault-Stale-Reason", Responses.headerSafe(content.staleBecause()));
        }
        return Responses.withBody(head, body, content.outcome(), headOnly);
    }
}
