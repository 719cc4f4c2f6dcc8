package io.modvault.core.integrity;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of damaged blobs found and of the background scrub's work, read by the server's
 * metrics. A finding is counted once, where it was found: when a zip was about to be served, or
 * by the scrub.
 */
public final class IntegrityStats {
    private final LongAdder quarantinedOnRequest = new LongAdder();
    private final LongAdder scrubPasses = new LongAdder();
    private final LongAdder scrubBlobs = new LongAdder();
    private final LongAdder scrubBytes = new LongAdder();
    private final LongAdder scrubFindings = new LongAdder();

    /** A damaged zip caught by the size check before a response and quarantined. */
    public void quarantinedOnRequest() {
        quarantinedOnRequest.increment();
    }

    public long quarantinedOnRequestCount() {
        return quarantinedOnRequest.sum();
    }

    void scrubbed(long bytes) {
        scrubBlobs.increment();
        scrubBytes.add(bytes);
    }

    void scrubFinding() {
        scrubFindings.increment();
    }

    void scrubPassCompleted() {
        scrubPasses.increment();
    }

    /** Completed scrub passes over the whole store. */
    public long scrubPasses() {
        return scrubPasses.sum();
    }

    /** Blobs re-hashed by the scrub. */
    public long scrubBlobs() {
        return scrubBlobs.sum();
    }

    public long scrubBytes() {
        return scrubBytes.sum();
    }

    /** Damaged blobs the scrub found and quarantined. */
    public long scrubFindings() {
        return scrubFindings.sum();
    }
}
