package io.modvault.core.verify;

/** Outcome of verifying one downloaded artifact before it is stored. */
public sealed interface Verdict {

    /** Store it; {@code hash} is its {@code h1:} and {@code source} what vouched for it. */
    record Accepted(String hash, String source) implements Verdict {}

    /**
     * Do not store or serve it. {@code status} is never 404/410, so a client's GOPROXY chain
     * stops here instead of fetching the same module elsewhere; {@code reason} is one line.
     */
    record Refused(int status, String reason) implements Verdict {}
}
