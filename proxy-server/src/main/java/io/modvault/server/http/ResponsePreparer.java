package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.MediaType;
import io.modvault.core.storage.StoredBlob;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a {@link FetchResult} into a {@link PreparedResponse}: status, content type, strong
 * ETag, {@code Cache-Control} by freshness, conditional ({@code If-None-Match}) and
 * {@code Range} handling. Runs on a virtual thread because it may open a blob file.
 */
final class ResponsePreparer {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private final Clock clock;

    ResponsePreparer(Clock clock) {
        this.clock = clock;
    }

    PreparedResponse prepare(FetchResult result, HttpHeaders request, boolean headOnly) throws IOException {
        return switch (result) {
            case FetchResult.Content content ->
                ContentResponses.render(content, ContentResponses.etagOf(content.body()), request, headOnly, clock);
            case FetchResult.Blob blob -> blob(blob.blob(), blob.outcome(), request, headOnly);
            case FetchResult.NotFound notFound -> Responses.error(404, notFound.reason(), notFound.outcome(), headOnly);
            case FetchResult.Refused refused ->
                Responses.error(refused.status(), refused.reason(), refused.outcome(), headOnly);
            case FetchResult.Failure failure ->
                Responses.error(failure.status(), failure.reason(), failure.outcome(), headOnly);
        };
    }

    private PreparedResponse blob(StoredBlob blob, CacheOutcome outcome, HttpHeaders request, boolean headOnly)
            throws IOException {
        String etag = "\"" + blob.sha256Hex() + "\"";
        long size = blob.size();
        ByteRange.Parsed range = ifRangeHolds(request, etag)
                ? ByteRange.parse(Optional.ofNullable(request.get(HttpHeaderNames.RANGE)), size)
                : new ByteRange.Whole();
        HttpResponse head;
        long start = 0;
        long length = size;
        if (matches(request, etag)) {
            head = Responses.head(304, null, 0);
            head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            length = 0;
        } else if (range instanceof ByteRange.Partial partial) {
            start = partial.range().start();
            length = partial.range().length();
            head = Responses.head(206, MediaType.ZIP.header(), length);
            head.headers().set(HttpHeaderNames.CONTENT_RANGE, partial.range().contentRange(size));
        } else if (range instanceof ByteRange.Unsatisfiable) {
            PreparedResponse refused = Responses.error(
                    416, "requested range not satisfiable for a " + size + "-byte zip", outcome, headOnly);
            refused.head().headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
            return refused;
        } else {
            head = Responses.head(200, MediaType.ZIP.header(), size);
        }
        head.headers().set(HttpHeaderNames.ETAG, etag);
        head.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, IMMUTABLE);
        head.headers().set(Responses.CACHE_HEADER, outcome.name());
        if (headOnly || length == 0) {
            return new PreparedResponse(head, Optional.empty(), Optional.empty(), 0, outcome);
        }
        FileChannel channel = FileChannel.open(blob.file(), StandardOpenOption.READ);
        long onDisk = channel.size();
        if (onDisk != size) {
            // Damaged after the fetch layer's check: never promise a length the file cannot deliver.
            channel.close();
            return Responses.error(
                    502,
                    "stored zip is damaged (" + onDisk + " bytes on disk, " + size
                            + " recorded); it is fetched again on the next request",
                    CacheOutcome.NONE,
                    headOnly);
        }
        return new PreparedResponse(
                head, Optional.empty(), Optional.of(new DefaultFileRegion(channel, start, length)), length, outcome);
    }

    static boolean matches(HttpHeaders request, String etag) {
        String inm = request.get(HttpHeaderNames.IF_NONE_MATCH);
        if (inm == null) {
            return false;
        }
        for (String candidate : inm.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ifRangeHolds(HttpHeaders request, String etag) {
        String ifRange = request.get(HttpHeaderNames.IF_RANGE);
        return ifRange == null || ifRange.trim().equals(etag);
    }
}
