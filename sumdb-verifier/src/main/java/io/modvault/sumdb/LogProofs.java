package io.modvault.sumdb;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.tlog.Hashes;
import io.modvault.sumdb.tlog.RecordProof;
import io.modvault.sumdb.tlog.TreeHashes;
import io.modvault.sumdb.tlog.TreeHead;
import io.modvault.sumdb.tlog.TreeProof;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Inclusion and consistency checks against one signed tree, with hashes read from its tiles.
 * Every check first authenticates the tile hashes it uses by recomputing the signed root, so a bad
 * tile is reported as {@link Reason#TILE} and never mistaken for a fork or a wrong record.
 */
final class LogProofs {

    private final TreeHead tree;
    private final TreeHashes hashes;

    LogProofs(int tileHeight, TileSource tiles, TreeHead tree) {
        this.tree = tree;
        this.hashes = new TreeHashes(tileHeight, tiles, tree.size());
    }

    /** Proves that {@code older} is a prefix of this tree; {@link Reason#FORK} if it is not. */
    void checkConsistency(TreeHead older) {
        if (older.size() > tree.size()) {
            throw new IllegalArgumentException(older + " is larger than " + tree);
        }
        if (older.size() == 0 || older.size() == tree.size()) {
            byte[] expected = older.size() == 0 ? Hashes.emptyTreeHash() : tree.hash();
            if (!Hashes.equal(expected, older.hash())) {
                throw fork(older, expected, List.of());
            }
            return;
        }
        // The old root as this tree's tiles say it is, authenticated below by the consistency proof.
        byte[] oldInThisTree = hashes.treeHash(older.size());
        List<byte[]> proof = TreeProof.prove(tree.size(), older.size(), hashes);
        if (!TreeProof.check(proof, tree.size(), tree.hash(), older.size(), oldInThisTree)) {
            throw new SumdbException(
                    Reason.TILE,
                    "checking tree#" + older.size() + " against tree#" + tree.size()
                            + ": downloaded inconsistent tile");
        }
        if (!Hashes.equal(oldInThisTree, older.hash())) {
            throw fork(older, oldInThisTree, proof);
        }
    }

    /** Proves that record {@code id} with text {@code recordText} is in this tree. */
    void checkInclusion(long id, String recordText) {
        if (id >= tree.size()) {
            throw new SumdbException(Reason.NOT_INCLUDED, "record " + id + " is not in tree#" + tree.size());
        }
        byte[] logged = hashes.hashAt(0, id);
        List<byte[]> proof = RecordProof.prove(tree.size(), id, hashes);
        if (!RecordProof.check(proof, tree.size(), tree.hash(), id, logged)) {
            throw new SumdbException(
                    Reason.TILE,
                    "checking record " + id + " in tree#" + tree.size() + ": downloaded inconsistent tile");
        }
        byte[] served = Hashes.recordHash(recordText.getBytes(StandardCharsets.UTF_8));
        if (!Hashes.equal(logged, served)) {
            throw new SumdbException(
                    Reason.NOT_INCLUDED,
                    "cannot authenticate record data in server response: record " + id + " hashes to " + b64(served)
                            + " but tree#" + tree.size() + " logs " + b64(logged));
        }
    }

    /** The go command's SECURITY ERROR report: both signed notes and the proof of misbehavior. */
    private SumdbException fork(TreeHead older, byte[] olderInNewer, List<byte[]> proof) {
        StringBuilder report = new StringBuilder("SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n");
        report.append("old database:\n\t").append(indent(older)).append('\n');
        report.append("new database:\n\t").append(indent(tree)).append('\n');
        report.append("proof of misbehavior:\n\t").append(b64(olderInNewer));
        proof.forEach(h -> report.append("\n\t").append(b64(h)));
        return new SumdbException(Reason.FORK, report.toString());
    }

    private static String indent(TreeHead head) {
        String note = head.signedNote()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseGet(() -> head.format() + "\n(no signed note)\n");
        return note.replace("\n", "\n\t");
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
