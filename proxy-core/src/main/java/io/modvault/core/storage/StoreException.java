package io.modvault.core.storage;

/** The one unchecked exception of the storage layer; its message names the operation and the key. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
