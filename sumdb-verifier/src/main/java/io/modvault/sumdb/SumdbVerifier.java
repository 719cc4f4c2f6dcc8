package io.modvault.sumdb;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.note.NoteVerifier;
import io.modvault.sumdb.note.VerifiedNote;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.tlog.TreeHead;
import java.util.List;
import java.util.Optional;

/**
 * Verifies checksum database answers the way the {@code go} command does, for one database key:
 * the signed tree head, its consistency with the last trusted head, the record's inclusion in the
 * newer of the two, and finally that the record holds the hashes of the artifacts being served.
 * Pure computation: tiles arrive through a {@link TileSource}, nothing is persisted here.
 */
public final class SumdbVerifier {

    /** The tile height of sum.golang.org and of the {@code go} command. */
    public static final int DEFAULT_TILE_HEIGHT = 8;

    private final VerifierKey key;
    private final NoteVerifier notes;
    private final int tileHeight;

    public SumdbVerifier(VerifierKey key) {
        this(key, DEFAULT_TILE_HEIGHT);
    }

    public SumdbVerifier(VerifierKey key, int tileHeight) {
        if (tileHeight < 1 || tileHeight > 30) {
            throw new IllegalArgumentException("tile height must be 1..30, got " + tileHeight);
        }
        this.key = key;
        this.notes = NoteVerifier.of(key);
        this.tileHeight = tileHeight;
    }

    /**
     * Verifies a {@code /lookup} response for {@code module@version} (version without
     * {@code /go.mod}) against the {@code trusted} tree head, reading tiles of the newer tree.
     */
    public VerifiedLookup verifyLookup(
            String module, String version, byte[] lookupBody, Optional<TreeHead> trusted, TileSource tiles) {
        if (version.endsWith(GoSumLine.GO_MOD_SUFFIX)) {
            throw new IllegalArgumentException("look up " + version + " without its /go.mod suffix");
        }
        String subject = module + "@" + version;
        try {
            LookupResponse response = LookupResponse.parse(lookupBody);
            TreeHead head = verifyTreeHead(response.signedNote());
            boolean advanced = trusted.map(t -> head.size() > t.size()).orElse(true);
            TreeHead newer = advanced ? head : trusted.orElseThrow();
            LogProofs proofs = new LogProofs(tileHeight, tiles, newer);
            if (trusted.isPresent()) {
                proofs.checkConsistency(advanced ? trusted.get() : head);
            }
            proofs.checkInclusion(response.recordId(), response.recordText());
            List<GoSumLine> lines = linesFor(response.recordText(), module, version);
            if (lines.isEmpty()) {
                throw new SumdbException(
                        Reason.MISMATCH,
                        "record " + response.recordId() + " of " + key.name() + " has no line for this module version");
            }
            return new VerifiedLookup(response.recordId(), lines, head, response.signedNote(), advanced, key.name());
        } catch (SumdbException e) {
            if (e.reason() == Reason.FORK) {
                throw e;
            }
            throw new SumdbException(e.reason(), subject + ": " + e.getMessage(), e);
        }
    }

    /** Opens a signed tree head note with the key and parses it; the result keeps the note bytes. */
    public TreeHead verifyTreeHead(byte[] signedNote) {
        VerifiedNote note = notes.open(signedNote);
        return TreeHead.parse(note.text()).withSignedNote(signedNote);
    }

    /** Proves that {@code older} is a prefix of {@code newer} using tiles of {@code newer}; {@link Reason#FORK} if not. */
    public void verifyConsistency(TreeHead older, TreeHead newer, TileSource tiles) {
        new LogProofs(tileHeight, tiles, newer).checkConsistency(older);
    }

    /**
     * Requires the record to hold {@code zipH1} for the zip and {@code modH1} for the go.mod (each
     * when present). Unlike the {@code go} command, a record without the line is a mismatch too.
     */
    public static void requireHashes(
            VerifiedLookup lookup, String module, String version, Optional<String> zipH1, Optional<String> modH1) {
        zipH1.ifPresent(h -> requireHash(lookup, module, version, version, "zip", h));
        modH1.ifPresent(h -> requireHash(lookup, module, version, version + GoSumLine.GO_MOD_SUFFIX, "go.mod", h));
    }

    private static void requireHash(
            VerifiedLookup lookup, String module, String version, String lineVersion, String what, String actual) {
        List<String> logged = lookup.lines().stream()
                .filter(l -> l.module().equals(module)
                        && l.version().equals(lineVersion)
                        && l.hash().startsWith("h1:"))
                .map(GoSumLine::hash)
                .toList();
        String prefix = module + "@" + version + ": checksum mismatch: ";
        if (logged.isEmpty()) {
            throw new SumdbException(
                    Reason.MISMATCH,
                    prefix + lookup.database() + " record " + lookup.recordId() + " has no h1 hash for the " + what);
        }
        if (!logged.contains(actual)) {
            throw new SumdbException(
                    Reason.MISMATCH,
                    prefix + what + " expected " + logged.get(0) + " (" + lookup.database() + " record), got "
                            + actual);
        }
    }

    private static List<GoSumLine> linesFor(String recordText, String module, String version) {
        String zipPrefix = module + " " + version + " ";
        String modPrefix = module + " " + version + GoSumLine.GO_MOD_SUFFIX + " ";
        return recordText
                .lines()
                .filter(l -> l.startsWith(zipPrefix) || l.startsWith(modPrefix))
                .map(GoSumLine::parse)
                .toList();
    }

    public VerifierKey key() {
        return key;
    }

    public int tileHeight() {
        return tileHeight;
    }
}
