package io.modvault.server.http;

import io.netty.handler.codec.http.FullHttpRequest;

/** One request in progress on a channel: what the access log and the metrics need at the end. */
record RequestContext(FullHttpRequest request, String method, String uri, long startNanos, String kind) {

    RequestContext withKind(String newKind) {
        return new RequestContext(request, method, uri, startNanos, newKind);
    }
}
