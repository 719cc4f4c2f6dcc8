package io.modvault.core.upstream;

/**
 * Outcome of one request to an upstream (or a chain of them). {@code upstream} always names the
 * upstream that produced the outcome (its configured URL, without credentials), so errors shown
 * to users can say which one failed.
 */
public sealed interface UpstreamResult<T> {

    String upstream();

    /** 200 with a body. */
    record Found<T>(String upstream, T body) implements UpstreamResult<T> {}

    /** 404 or 410 (or a missing file in a file:// tree): "not here, may be elsewhere". */
    record NotFound<T>(String upstream, int status, String reason) implements UpstreamResult<T> {}

    /**
     * Another 4xx, such as 403 or 400: the upstream answered and refuses this request. Like the go
     * command, a chain treats it as an error, not as "not here" ({@code ,} does not fall through);
     * unlike a failure it says something about the request, so it is passed on to clients with its
     * status and remembered like a not-found. {@code reason} is the upstream's one-line text, or
     * the status text.
     */
    record Refused<T>(String upstream, int status, String reason) implements UpstreamResult<T> {}

    /**
     * Anything else: other statuses, transport errors, truncated bodies, size limits, timeouts.
     * {@code unavailable} says the upstream itself is unwell (unreachable, timing out, 5xx), which
     * counts against its {@link CircuitBreaker}; a body over the size limit, say, does not.
     */
    record Failed<T>(String upstream, String reason, boolean timedOut, boolean unavailable)
            implements UpstreamResult<T> {

        /** A failure that says nothing of the upstream's health unless it is a timeout. */
        public Failed(String upstream, String reason, boolean timedOut) {
            this(upstream, reason, timedOut, timedOut);
        }
    }

    /** Re-types a non-Found result (they carry no body). */
    @SuppressWarnings("unchecked")
    default <U> UpstreamResult<U> withoutBody() {
        if (this instanceof Found<T>) {
            throw new IllegalStateException("Found result has a body");
        }
        return (UpstreamResult<U>) this;
    }
}
