package io.modvault.sumdb.tlog;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A tree head: the size (number of records) and root hash of the log, in the note text form
 * {@code go.sum database tree\n<N>\n<base64 hash>\n}. When it came from a signed note it keeps the
 * note's exact bytes, which are what a client persists and what proves a fork. Equality ignores
 * the note.
 */
public final class TreeHead {

    /** First line of every tree-head note. */
    public static final String HEADER = "go.sum database tree\n";

    private static final int MAX_TEXT = 1_000_000;

    private final long size;
    private final byte[] hash;
    private final byte[] signedNote;

    private TreeHead(long size, byte[] hash, byte[] signedNote) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (hash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("tree hash must be 32 bytes, got " + hash.length);
        }
        this.size = size;
        this.hash = hash.clone();
        this.signedNote = signedNote == null ? null : signedNote.clone();
    }

    public static TreeHead of(long size, byte[] hash) {
        return new TreeHead(size, hash, null);
    }

    /** The empty tree (size 0, hash SHA-256("")), what a client trusts before its first lookup. */
    public static TreeHead empty() {
        return of(0, Hashes.emptyTreeHash());
    }

    /** Parses the note text of a tree head (x/mod {@code ParseTree}); extra trailing lines are ignored. */
    public static TreeHead parse(String text) {
        if (!text.startsWith(HEADER)
                || text.chars().filter(c -> c == '\n').count() < 3
                || (text.length() > MAX_TEXT / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT)) {
            throw malformed(text, "not a go.sum database tree head");
        }
        String[] lines = text.split("\n", 4);
        long n;
        try {
            n = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw malformed(text, "tree size is not a decimal number");
        }
        if (n < 0 || !lines[1].equals(Long.toString(n))) {
            throw malformed(text, "tree size is not canonical");
        }
        byte[] h;
        try {
            h = lines[2].length() % 4 == 0 ? Base64.getDecoder().decode(lines[2]) : new byte[0];
        } catch (IllegalArgumentException e) {
            h = new byte[0];
        }
        if (h.length != Hashes.SIZE) {
            throw malformed(text, "root hash is not 32 bytes of base64");
        }
        return new TreeHead(n, h, null);
    }

    private static SumdbException malformed(String text, String why) {
        String first = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return new SumdbException(
                Reason.MALFORMED, "malformed tree note: " + why + ": \"" + first.replace("\n", "\\n") + "\"");
    }

    /** This head carrying the signed note it was read from. */
    public TreeHead withSignedNote(byte[] note) {
        return new TreeHead(size, hash, note);
    }

    /** The note text {@code go.sum database tree\nN\nhash\n} (x/mod {@code FormatTree}). */
    public String format() {
        return HEADER + size + "\n" + hashBase64() + "\n";
    }

    public long size() {
        return size;
    }

    public byte[] hash() {
        return hash.clone();
    }

    public String hashBase64() {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** The exact signed note this head was parsed from, if any. */
    public Optional<byte[]> signedNote() {
        return Optional.ofNullable(signedNote).map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead t && t.size == size && Arrays.equals(t.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "tree#" + size + " " + hashBase64();
    }
}
