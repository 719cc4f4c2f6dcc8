package io.modvault.core.fetch;

import io.modvault.core.upstream.UpstreamResult;

/** Turns upstream failures into the one-line reasons and statuses clients see. */
final class UpstreamFailures {
    private UpstreamFailures() {}

    static FetchResult.Failure failure(String path, UpstreamResult.Failed<?> failed) {
        int status = failed.timedOut() ? 504 : 502;
        return new FetchResult.Failure(status, describe(path, failed));
    }

    static String describe(String path, UpstreamResult.Failed<?> failed) {
        String what = failed.timedOut() ? "timed out fetching " : "fetching ";
        return what + path + " from upstream " + failed.upstream() + ": " + oneLine(failed.reason());
    }

    /** A 4xx refusal passed on with its status, e.g. "fetching m/@v/list from upstream https://p: 403 Forbidden". */
    static FetchResult.Refused refused(String path, UpstreamResult.Refused<?> refused, CacheOutcome outcome) {
        return new FetchResult.Refused(refused.status(), refusedReason(path, refused), outcome);
    }

    static String refusedReason(String path, UpstreamResult.Refused<?> refused) {
        return "fetching " + path + " from upstream " + refused.upstream() + ": " + refused.status() + " "
                + oneLine(refused.reason());
    }

    static FetchResult.Failure invalid(String path, String upstream, String problem) {
        return new FetchResult.Failure(
                502, "invalid response from upstream " + upstream + " for " + path + ": " + problem);
    }

    static String notFoundReason(String path, UpstreamResult.NotFound<?> notFound) {
        String reason = oneLine(notFound.reason());
        return reason.isEmpty() ? "not found: " + path : reason;
    }

    static String oneLine(String text) {
        String line = text == null ? "" : text.strip();
        int nl = line.indexOf('\n');
        return nl >= 0 ? line.substring(0, nl).strip() : line;
    }
}
