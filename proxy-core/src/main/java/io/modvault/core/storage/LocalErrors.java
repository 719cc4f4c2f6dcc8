package io.modvault.core.storage;

import java.nio.file.FileSystemException;
import java.util.regex.Pattern;

/**
 * Describes local failures (file system, child processes) for texts that reach clients, without
 * the local paths they usually carry: a client learns what went wrong, not where modvault keeps
 * its data. The log keeps the full exception.
 */
public final class LocalErrors {
    /** An absolute path: a '/' at the start of the text or after a blank, quote or bracket. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|[\\s'\"(\\[=])/[^\\s'\"()\\[\\],;]+");

    static final String HIDDEN = "<local path>";

    private LocalErrors() {}

    /** The exception's kind and reason, e.g. {@code AccessDeniedException} or {@code IOException: Stream closed}. */
    public static String describe(Throwable error) {
        String kind = error.getClass().getSimpleName();
        if (error instanceof FileSystemException fs) {
            return fs.getReason() == null ? kind : kind + ": " + withoutPaths(fs.getReason());
        }
        return error.getMessage() == null || error.getMessage().isBlank()
                ? kind
                : kind + ": " + withoutPaths(error.getMessage());
    }

    /** The text with every absolute local path replaced by {@value #HIDDEN}. */
    public static String withoutPaths(String text) {
        return ABSOLUTE_PATH.matcher(text).replaceAll(HIDDEN);
    }
}
