package io.modvault.core.fetch;

/** How a request was answered with respect to the cache; logged and counted per request. */
public enum CacheOutcome {
    /** Served from the store, fresh for its kind. */
    HIT,
    /** Fetched from the upstream (and stored when it was a success). */
    MISS,
    /** Served from the store past its freshness because the upstream failed. */
    STALE,
    /** Answered "not found" from a remembered upstream not-found. */
    NEGATIVE,
    /** Answered without the cache being involved (errors, local answers). */
    NONE
}
