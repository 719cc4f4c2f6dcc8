package io.modvault.core.storage;

import java.util.Locale;

/**
 * Recognises a write that failed because the data directory's file system is full (ENOSPC, or
 * EDQUOT for a quota) anywhere in an exception's cause chain: a temp-file write during a
 * download, a blob commit, or a RocksDB write, whose native message carries the same text.
 * It is an operating condition, not a bug, and is answered 507 rather than 500.
 */
public final class DiskFull {
    private static final String[] TEXTS = {"no space left on device", "disk quota exceeded"};
    private static final int MAX_DEPTH = 16;

    private DiskFull() {}

    public static boolean causedBy(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (mentioned(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message (an exception's, or a child process's error output) reports a full disk. */
    public static boolean mentioned(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String text : TEXTS) {
            if (lower.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
