package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Endpoints answered by the server itself, outside the module namespace (a module path's first
 * element must contain a dot, so these can never collide with a module): {@code /healthz} for
 * liveness and {@code /metrics} for Prometheus.
 */
final class LocalEndpoints {
    private LocalEndpoints() {}

    static boolean handles(String uri) {
        return uri.equals("/healthz") || uri.equals("/metrics");
    }

    static PreparedResponse answer(String uri, ProxyServices services, boolean headOnly) {
        byte[] body;
        String type;
        if (uri.equals("/metrics")) {
            body = services.metrics().scrape();
            type = "text/plain; version=0.0.4; charset=utf-8";
        } else {
            body = "ok\n".getBytes(StandardCharsets.UTF_8);
            type = Responses.TEXT;
        }
        HttpResponse head = Responses.head(200, type, body.length);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return Responses.withBody(head, body, CacheOutcome.NONE, headOnly);
    }
}
