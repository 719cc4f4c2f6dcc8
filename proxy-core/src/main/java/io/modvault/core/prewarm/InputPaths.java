package io.modvault.core.prewarm;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Inputs read as file paths: an input that is no valid path on this system is simply not a file input. */
final class InputPaths {
    private InputPaths() {}

    /** {@code input} as a path, or empty when it cannot be one. */
    static Optional<Path> parse(String input) {
        try {
            return Optional.of(Path.of(input));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code path} ends in a file called {@code name}. */
    static boolean named(Path path, String name) {
        return path.getFileName() != null && path.getFileName().toString().equals(name);
    }
}
