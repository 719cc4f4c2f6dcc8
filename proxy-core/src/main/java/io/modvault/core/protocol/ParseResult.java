package io.modvault.core.protocol;

/** Outcome of parsing a request URI: a request, or the status and one-line reason to answer with. */
public sealed interface ParseResult {

    record Parsed(ProxyRequest request) implements ParseResult {}

    /** 400 for malformed input, 404 for paths outside the protocol. */
    record Rejected(int status, String reason) implements ParseResult {}
}
