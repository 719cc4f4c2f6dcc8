package io.modvault.core.gomod;

import java.util.Objects;

/** A {@code godebug key=value} directive of a go.mod or go.work. */
public record GoDebug(String key, String value) {
    public GoDebug {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
