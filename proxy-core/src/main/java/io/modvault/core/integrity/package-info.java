/** Integrity of stored blobs: the background scrub, its rate limit, start-up repair of unrecorded zips, counters. */
package io.modvault.core.integrity;
