package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredEntry;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a partial tile {@code tile/H/L/NNN.p/W} from a cached full or wider partial tile of the
 * same height, level and index. A tile's entries are fixed positions of an append-only log, so
 * the tile of width W is the first W entries of any wider one (golang.org/x/mod/sumdb
 * {@code Client.readTile} truncates a full tile the same way): W×32 bytes of a hash tile, or the
 * first W records of a data tile ({@code tile/H/data/…}), each record being its text (which
 * ends in one newline and never holds a blank line, tlog {@code isValidRecordText}) followed by
 * one newline, so the first blank line after a record's start ends it.
 */
final class NarrowerTiles {
    private static final Pattern PARTIAL = Pattern.compile("(tile/([0-9]+)/(data|[0-9]+)/[x0-9/]+)\\.p/([0-9]+)");
    private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,8}");
    private static final int HASH_BYTES = 32;

    private final ModuleStore store;

    NarrowerTiles(ModuleStore store) {
        this.store = store;
    }

    /** The tile at {@code rest} (relative to database {@code name}) cut from a cached wider one, if there is one. */
    Optional<StoredEntry> derive(String name, String rest) {
        Matcher partial = PARTIAL.matcher(rest);
        if (!partial.matches()) {
            return Optional.empty();
        }
        String tile = name + "/" + partial.group(1);
        int width = Integer.parseInt(partial.group(4));
        boolean data = partial.group(3).equals("data");
        Optional<StoredEntry> derived =
                store.get(EntryKey.of(EntryKind.SUMDB, tile)).flatMap(full -> cut(full, width, data));
        if (derived.isPresent()) {
            return derived;
        }
        String widerPrefix = tile + ".p/";
        for (String key : store.keys(EntryKind.SUMDB, widerPrefix)) {
            String suffix = key.substring(widerPrefix.length());
            if (WIDTH.matcher(suffix).matches() && Integer.parseInt(suffix) > width) {
                derived = store.get(EntryKey.of(EntryKind.SUMDB, key)).flatMap(wider -> cut(wider, width, data));
                if (derived.isPresent()) {
                    return derived;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StoredEntry> cut(StoredEntry wider, int width, boolean data) {
        byte[] body = wider.value();
        int length = data ? recordsLength(body, width) : hashesLength(body, width);
        if (length < 0) {
            return Optional.empty();
        }
        return Optional.of(new StoredEntry(Arrays.copyOf(body, length), wider.storedAt()));
    }

    private static int hashesLength(byte[] body, int width) {
        long length = (long) width * HASH_BYTES;
        return body.length % HASH_BYTES == 0 && length <= body.length ? (int) length : -1;
    }

    /** Bytes taken by the first {@code count} records, or -1 if there are fewer. */
    static int recordsLength(byte[] body, int count) {
        int position = 0;
        for (int record = 0; record < count; record++) {
            int end = position;
            while (end + 1 < body.length && !(body[end] == '\n' && body[end + 1] == '\n')) {
                end++;
            }
            if (end + 1 >= body.length) {
                return -1;
            }
            position = end + 2;
        }
        return position;
    }
}
