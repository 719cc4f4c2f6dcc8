package io.modvault.core.module;

import java.util.Objects;

/**
 * x/mod {@code CheckFilePath} and {@code CheckImportPath}: file paths inside module zips allow
 * Unicode letters, spaces and more punctuation than module paths; import paths sit in between
 * (module characters plus "+", leading dots allowed).
 */
public final class FilePaths {
    private FilePaths() {}

    /** Throws {@link InvalidModuleException} unless {@code path} is a valid slash-separated file path. */
    public static void checkFilePath(String path) {
        check(path, PathRules.Kind.FILE, "file");
    }

    /** Throws {@link InvalidModuleException} unless {@code path} is a valid import path. */
    public static void checkImportPath(String path) {
        check(path, PathRules.Kind.IMPORT, "import");
    }

    private static void check(String path, PathRules.Kind kind, String noun) {
        Objects.requireNonNull(path, "path");
        PathRules.checkPath(path, kind).ifPresent(reason -> {
            throw new InvalidModuleException(
                    "malformed " + noun + " path " + InvalidModuleException.quote(path) + ": " + reason);
        });
    }
}
