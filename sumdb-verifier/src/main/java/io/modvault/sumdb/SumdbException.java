package io.modvault.sumdb;

import java.util.Objects;

/**
 * The one unchecked exception of the checksum-database verifier: every failure to parse, sign,
 * verify or prove something carries a {@link Reason} so callers can tell a malformed input from a
 * security incident (a {@link Reason#FORK}) without parsing messages.
 */
public final class SumdbException extends RuntimeException {

    /** Why verification failed. */
    public enum Reason {
        /** An input (key, note, tree head, record, tile path, go.sum line, zip) is syntactically invalid. */
        MALFORMED,
        /** A signature does not verify, or a note carries no signature from a known key. */
        BAD_SIGNATURE,
        /** A record is not in the signed tree (its id is past the tree or its hash is not the logged one). */
        NOT_INCLUDED,
        /** Two validly signed tree heads are inconsistent: the database server misbehaves. */
        FORK,
        /** A record lacks, or contradicts, the hash the caller computed. */
        MISMATCH,
        /** A tile could not be read, had the wrong size, or was inconsistent with a signed tree head. */
        TILE
    }

    private final Reason reason;

    public SumdbException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SumdbException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
