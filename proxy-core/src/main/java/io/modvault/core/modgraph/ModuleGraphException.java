package io.modvault.core.modgraph;

/** A go.mod or go.work that starts a module graph cannot be read or is malformed; the message names the file. */
public final class ModuleGraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModuleGraphException(String message) {
        super(message);
    }

    public ModuleGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
