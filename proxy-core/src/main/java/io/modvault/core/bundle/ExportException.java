package io.modvault.core.bundle;

/** Why one selected version (or the whole export) cannot go into the bundle; the message names it. */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
