package io.modvault.server.http;

import io.modvault.core.protocol.ProxyRequest;

/** The label a request is counted and logged under. */
final class RequestKinds {
    private RequestKinds() {}

    static String of(ProxyRequest request) {
        return switch (request) {
            case ProxyRequest.ListVersions l -> "list";
            case ProxyRequest.Latest l -> "latest";
            case ProxyRequest.Info i -> i.canonical() ? "info" : "query";
            case ProxyRequest.Mod m -> "mod";
            case ProxyRequest.Zip z -> "zip";
            case ProxyRequest.Sumdb s -> "sumdb";
        };
    }
}
