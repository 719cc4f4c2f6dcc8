package io.modvault.core.verify;

import java.util.concurrent.atomic.LongAdder;

/** Counters of verification outcomes, read by the server's metrics. */
public final class VerificationStats {
    final LongAdder verified = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder mismatches = new LongAdder();
    final LongAdder forks = new LongAdder();
    final LongAdder unavailable = new LongAdder();

    public long verified() {
        return verified.sum();
    }

    /** Artifacts stored without a database check (GONOSUMDB, GOSUMDB=off). */
    public long skipped() {
        return skipped.sum();
    }

    public long mismatches() {
        return mismatches.sum();
    }

    public long forks() {
        return forks.sum();
    }

    /** Artifacts refused because the database could not be read or its answer not proven. */
    public long unavailable() {
        return unavailable.sum();
    }
}
