package io.modvault.core.feed;

/** A feed could not be read, or its remembered state could not be read or written; the message names which. */
public final class FeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
