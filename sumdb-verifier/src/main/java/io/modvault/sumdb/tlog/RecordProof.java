package io.modvault.sumdb.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 inclusion proofs (x/mod {@code ProveRecord} / {@code CheckRecord}): the sibling hashes
 * from the record up to the root, leaf level first.
 */
public final class RecordProof {

    private RecordProof() {}

    /** The proof that record {@code n} is in the tree of size {@code t} (0 ≤ n &lt; t). */
    public static List<byte[]> prove(long t, long n, RangeHasher hashes) {
        if (n < 0 || n >= t) {
            throw new IllegalArgumentException("record " + n + " is not in a tree of size " + t);
        }
        List<byte[]> proof = new ArrayList<>();
        prove(0, t, n, hashes, proof);
        return proof;
    }

    private static void prove(long lo, long hi, long n, RangeHasher hashes, List<byte[]> out) {
        if (hi - lo == 1) {
            return;
        }
        long k = Hashes.maxPow2Below(hi - lo);
        if (n < lo + k) {
            prove(lo, lo + k, n, hashes, out);
            out.add(hashes.rangeHash(lo + k, hi));
        } else {
            prove(lo + k, hi, n, hashes, out);
            out.add(hashes.rangeHash(lo, lo + k));
        }
    }

    /** True if {@code proof} shows that {@code leafHash} is record {@code n} of the tree (t, treeHash). */
    public static boolean check(List<byte[]> proof, long t, byte[] treeHash, long n, byte[] leafHash) {
        if (n < 0 || n >= t) {
            return false;
        }
        byte[] root = run(proof, proof.size(), 0, t, n, leafHash);
        return root != null && Hashes.equal(root, treeHash);
    }

    /** Recomputes the root from the first {@code len} proof hashes; null if the length is wrong. */
    private static byte[] run(List<byte[]> p, int len, long lo, long hi, long n, byte[] leaf) {
        if (hi - lo == 1) {
            return len == 0 ? leaf : null;
        }
        if (len == 0) {
            return null;
        }
        long k = Hashes.maxPow2Below(hi - lo);
        byte[] last = p.get(len - 1);
        if (n < lo + k) {
            byte[] left = run(p, len - 1, lo, lo + k, n, leaf);
            return left == null ? null : Hashes.nodeHash(left, last);
        }
        byte[] right = run(p, len - 1, lo + k, hi, n, leaf);
        return right == null ? null : Hashes.nodeHash(last, right);
    }
}
