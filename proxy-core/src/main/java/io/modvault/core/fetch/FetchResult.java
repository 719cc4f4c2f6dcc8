package io.modvault.core.fetch;

import io.modvault.core.storage.StoredBlob;
import java.time.Instant;

/**
 * What {@link ModuleProxy} answers for one request; the HTTP layer turns each case into a
 * response without further decisions (one outcome → one status table in the server).
 */
public sealed interface FetchResult {

    CacheOutcome outcome();

    /**
     * A small body. {@code staleBecause} is empty unless {@code outcome} is STALE, in which case
     * it says why the upstream could not refresh it.
     */
    record Content(
            byte[] body,
            MediaType type,
            CacheOutcome outcome,
            Freshness freshness,
            Instant storedAt,
            String staleBecause)
            implements FetchResult {}

    /** A stored zip, served from its blob file. */
    record Blob(StoredBlob blob, CacheOutcome outcome) implements FetchResult {}

    /** 404: the upstream (or the remembered answer) says the artifact does not exist. */
    record NotFound(String reason, CacheOutcome outcome) implements FetchResult {}

    /**
     * The upstream refused the request with a 4xx other than 404/410 (403, 400, …): passed on with
     * its status; the reason is one line naming the upstream.
     */
    record Refused(int status, String reason, CacheOutcome outcome) implements FetchResult {}

    /**
     * Any other failure with the status to answer: 502 for upstream failures and invalid
     * upstream answers, 504 for upstream timeouts, 403 for policy refusals. The reason is one
     * line and names the upstream when one was involved.
     */
    record Failure(int status, String reason) implements FetchResult {
        @Override
        public CacheOutcome outcome() {
            return CacheOutcome.NONE;
        }
    }
}
