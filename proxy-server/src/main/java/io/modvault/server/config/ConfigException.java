package io.modvault.server.config;

/** An invalid or unknown setting; the message names the key and says what is wrong, in one line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
