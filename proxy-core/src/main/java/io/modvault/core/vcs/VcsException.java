package io.modvault.core.vcs;

/**
 * The one unchecked exception of direct (version-control) fetching. Its message is one line a
 * user can act on: it names the host and, for authentication failures, which credential source
 * was tried; it never contains a credential.
 */
public final class VcsException extends RuntimeException {
    /** What went wrong, which decides the HTTP status the client sees. */
    public enum Kind {
        /** No such repository, revision, version or module in it (404). */
        NOT_FOUND,
        /** The host refused the credentials tried, or asked for some when none were configured (502, terminal). */
        AUTH,
        /** The repository could not be read (network, git failure, malformed content) (502). */
        FAILED,
        /** The repository did not answer in time (504). */
        TIMEOUT
    }

    private final Kind kind;

    public VcsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VcsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
