package io.modvault.sumdb;

import io.modvault.sumdb.tlog.TreeHead;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SumdbVerifier#verifyLookup}: the record's go.sum lines for the requested
 * module version, proven included in a signed tree head consistent with the trusted one.
 *
 * @param recordId the record's position in the log
 * @param lines the record's lines for exactly the requested module and version (zip and go.mod)
 * @param tree the tree head signed in this response
 * @param signedNote the signed note of {@code tree}, to persist when {@code advanced}
 * @param advanced true when {@code tree} is newer than the trusted head (or none was given)
 * @param database the database name of the verifier key, e.g. {@code sum.golang.org}
 */
public record VerifiedLookup(
        long recordId, List<GoSumLine> lines, TreeHead tree, byte[] signedNote, boolean advanced, String database) {

    public VerifiedLookup {
        lines = List.copyOf(lines);
        Objects.requireNonNull(tree, "tree");
        signedNote = signedNote.clone();
        Objects.requireNonNull(database, "database");
    }

    /** The {@code h1:} hash of the module zip, if the record has one. */
    public Optional<String> zipHash() {
        return firstH1(false);
    }

    /** The {@code h1:} hash of the go.mod file, if the record has one. */
    public Optional<String> goModHash() {
        return firstH1(true);
    }

    private Optional<String> firstH1(boolean goMod) {
        return lines.stream()
                .filter(l -> l.isGoMod() == goMod && l.hash().startsWith("h1:"))
                .map(GoSumLine::hash)
                .findFirst();
    }

    @Override
    public byte[] signedNote() {
        return signedNote.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedLookup v
                && v.recordId == recordId
                && v.lines.equals(lines)
                && v.tree.equals(tree)
                && Arrays.equals(v.signedNote, signedNote)
                && v.advanced == advanced
                && v.database.equals(database);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, lines, tree, Arrays.hashCode(signedNote), advanced, database);
    }

    @Override
    public String toString() {
        return "VerifiedLookup[" + database + " record " + recordId + " in " + tree + ", lines=" + lines + ", advanced="
                + advanced + "]";
    }
}
