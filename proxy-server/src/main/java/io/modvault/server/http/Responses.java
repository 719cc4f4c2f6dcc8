package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builders for the response shapes modvault sends. Every error is {@code text/plain;
 * charset=utf-8} with one line of reason (and nothing the go command would refuse to show:
 * it prints such bodies only when they are plain UTF-8 text).
 */
final class Responses {
    static final String CACHE_HEADER = "X-Modvault-Cache";
    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {}

    static PreparedResponse error(int status, String reason, CacheOutcome outcome, boolean headOnly) {
        byte[] body = (oneLine(reason) + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse head = head(status, TEXT, body.length);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        head.headers().set(CACHE_HEADER, outcome.name());
        return withBody(head, body, outcome, headOnly);
    }

    static PreparedResponse withBody(HttpResponse head, byte[] body, CacheOutcome outcome, boolean headOnly) {
        Optional<ByteBuf> buffer =
                headOnly || body.length == 0 ? Optional.empty() : Optional.of(Unpooled.wrappedBuffer(body));
        return new PreparedResponse(head, buffer, Optional.empty(), headOnly ? 0 : body.length, outcome);
    }

    static HttpResponse head(int status, String contentType, long contentLength) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        if (contentType != null) {
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return head;
    }

    /** A full response without body for a HEAD request, keeping the would-be Content-Length. */
    static DefaultFullHttpResponse full(HttpResponse head, ByteBuf content) {
        DefaultFullHttpResponse full = new DefaultFullHttpResponse(head.protocolVersion(), head.status(), content);
        full.headers().set(head.headers());
        return full;
    }

    /** Header values and error bodies must be one line of printable text. */
    static String oneLine(String text) {
        String line = text == null ? "" : text.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        StringBuilder clean = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return clean.length() > 1000 ? clean.substring(0, 1000) : clean.toString();
    }

    static String headerSafe(String text) {
        return oneLine(text).replaceAll("[^\\x20-\\x7e]", "?");
    }
}
