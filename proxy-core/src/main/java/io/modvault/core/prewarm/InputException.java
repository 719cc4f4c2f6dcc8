package io.modvault.core.prewarm;

/** An input that cannot be expanded (malformed, of a kind not supported, unreadable): a usage error naming the input. */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
