package io.modvault.core.prewarm;

import java.util.Optional;

/** What one {@link ArtifactFetcher#fetch} achieved. */
public sealed interface FetchOutcome {

    /**
     * The artifact is in the cache now. {@code alreadyStored} when it was there before (no upstream
     * request); {@code body} is the answer for small artifacts ({@code .info}, {@code .mod},
     * {@code @latest}) and empty for zips, which are never held in memory; {@code h1} is the
     * artifact's {@code h1:} hash when {@link ArtifactFetcher#fetchHashed} could tell it.
     */
    record Delivered(long bytes, boolean alreadyStored, byte[] body, Optional<String> h1) implements FetchOutcome {

        /** An answer whose hash nobody asked for. */
        public Delivered(long bytes, boolean alreadyStored, byte[] body) {
            this(bytes, alreadyStored, body, Optional.empty());
        }

        /** The same answer with the artifact's {@code h1:}. */
        public Delivered withH1(String hash) {
            return new Delivered(bytes, alreadyStored, body, Optional.of(hash));
        }
    }

    /**
     * The artifact could not be had. {@code status} is the HTTP status (0 when there was none:
     * connection failure, timeout); {@code retryable} only for failures another attempt may cure
     * (5xx, timeouts), never for 404/410 or another 4xx.
     */
    record Failed(int status, String reason, boolean retryable) implements FetchOutcome {

        /** A failure answered with {@code status}: retryable exactly when it is a 5xx. */
        public static Failed withStatus(int status, String reason) {
            return new Failed(status, reason, status >= 500);
        }
    }
}
