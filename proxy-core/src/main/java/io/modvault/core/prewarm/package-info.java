/** Prewarming the cache: inputs expanded to {@link io.modvault.core.prewarm.PrewarmItem}s, fetched in parallel with retries, and reported. */
package io.modvault.core.prewarm;
