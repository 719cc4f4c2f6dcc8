package io.modvault.core.storage;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The key format of the {@link EntryKind#STORED} time index, shared by every store: {@code
 * <storedAt epoch millis, zero-padded to 13 digits> <kind> <artifact key>}, so byte order is
 * time order and a reader seeks to a point in time instead of scanning the store. Only
 * {@code .info}, {@code .mod} and zip index entries are indexed, each by its latest write: a
 * store replaces the artifact's previous index entry (found from the artifact's old
 * {@code storedAt}) in the same atomic write, so rewrites do not pile up. Thirteen digits last
 * until the year 2286.
 */
public final class StoredTimeline {
    private static final int MILLIS_DIGITS = 13;

    private StoredTimeline() {}

    /** One decoded index key: which artifact was stored when. */
    public record Entry(Instant storedAt, EntryKind kind, String artifactKey) {}

    /** Whether writes of {@code kind} are recorded in the time index. */
    public static boolean indexes(EntryKind kind) {
        return kind == EntryKind.INFO || kind == EntryKind.MOD || kind == EntryKind.ZIP;
    }

    /** The index key of {@code artifact} stored at {@code storedAt} (already truncated to millis). */
    public static String key(Instant storedAt, EntryKey artifact) {
        return millis(storedAt.toEpochMilli()) + " " + artifact.kind().storageName() + " " + artifact.key();
    }

    /** The first index key at or after {@code since}: sub-millisecond parts round up. */
    public static String firstKeyAtOrAfter(Instant since) {
        long floor = since.toEpochMilli();
        boolean exact = Instant.ofEpochMilli(floor).equals(since);
        return millis(Math.max(0, exact ? floor : floor + 1));
    }

    /** Decodes an index key; empty for a key not in this format. */
    public static Optional<Entry> parse(String key) {
        int first = key.indexOf(' ');
        int second = first < 0 ? -1 : key.indexOf(' ', first + 1);
        if (first != MILLIS_DIGITS || second < 0 || second + 1 == key.length()) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(key.substring(0, first));
            EntryKind kind = EntryKind.valueOf(key.substring(first + 1, second).toUpperCase(Locale.ROOT));
            return indexes(kind)
                    ? Optional.of(new Entry(Instant.ofEpochMilli(millis), kind, key.substring(second + 1)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String millis(long epochMillis) {
        return String.format(Locale.ROOT, "%0" + MILLIS_DIGITS + "d", epochMillis);
    }
}
