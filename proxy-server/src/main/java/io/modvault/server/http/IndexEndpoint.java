package io.modvault.server.http;

import io.modvault.core.catalog.IndexLines;
import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.protocol.IndexQuery;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * {@code GET /index}: the module versions this modvault stored, oldest first, as JSON lines in
 * the public index's format (see {@link IndexQuery} and {@link IndexLines}), so a downstream
 * modvault can mirror this one with {@code prewarm --feed}. The answer changes with every stored
 * version, so it is never cached. It reads the store: call it off the event loop.
 */
final class IndexEndpoint {
    static final String KIND = "index";
    private static final String JSON_LINES = "application/json; charset=utf-8";

    private IndexEndpoint() {}

    static PreparedResponse answer(IndexQuery.Result parsed, StoredVersions versions, boolean headOnly) {
        return switch (parsed) {
            case IndexQuery.Result.Invalid invalid ->
                Responses.error(400, invalid.reason(), CacheOutcome.NONE, headOnly);
            case IndexQuery.Result.Valid valid -> {
                IndexQuery query = valid.query();
                byte[] body = IndexLines.render(versions.since(query.since(), query.limit()));
                HttpResponse head = Responses.head(200, JSON_LINES, body.length);
                head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                yield Responses.withBody(head, body, CacheOutcome.NONE, headOnly);
            }
        };
    }
}
