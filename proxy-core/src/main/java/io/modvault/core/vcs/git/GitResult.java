package io.modvault.core.vcs.git;

import io.modvault.core.vcs.VcsException;
import java.util.Objects;

/**
 * What one git process did: its exit code, standard output (empty when it went to a file),
 * the start of its standard error, and whether it ran to its end or was killed for taking too
 * long or writing too much. Turning a failed result into a {@link VcsException} is
 * {@link GitFailures}' job, because only the caller knows which remote the command talked to.
 */
public record GitResult(int exitCode, byte[] stdout, String stderr, Outcome outcome) {

    /** How the process ended. */
    public enum Outcome {
        /** It exited by itself; {@code exitCode} is meaningful. */
        EXITED,
        /** It was killed at the timeout. */
        TIMED_OUT,
        /** It was killed because its output passed the limit the caller set. */
        OUTPUT_LIMIT
    }

    public GitResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Exited with status 0. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }

    /** Exited by itself (with any status), as opposed to being killed. */
    public boolean exited() {
        return outcome == Outcome.EXITED;
    }
}
