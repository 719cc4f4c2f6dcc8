package io.modvault.sumdb.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 consistency proofs (x/mod {@code ProveTree} / {@code CheckTree}): the hashes showing
 * that the tree of size {@code n} is a prefix of the tree of size {@code t}.
 */
public final class TreeProof {

    private TreeProof() {}

    /** The proof that the tree of size {@code n} is a prefix of the tree of size {@code t} (1 ≤ n ≤ t). */
    public static List<byte[]> prove(long t, long n, RangeHasher hashes) {
        if (n < 1 || n > t) {
            throw new IllegalArgumentException("cannot prove tree of size " + n + " in tree of size " + t);
        }
        List<byte[]> proof = new ArrayList<>();
        prove(0, t, n, hashes, proof);
        return proof;
    }

    private static void prove(long lo, long hi, long n, RangeHasher hashes, List<byte[]> out) {
        if (n == hi) {
            if (lo != 0) {
                out.add(hashes.rangeHash(lo, hi));
            }
            return;
        }
        long k = Hashes.maxPow2Below(hi - lo);
        if (n <= lo + k) {
            prove(lo, lo + k, n, hashes, out);
            out.add(hashes.rangeHash(lo + k, hi));
        } else {
            prove(lo + k, hi, n, hashes, out);
            out.add(hashes.rangeHash(lo, lo + k));
        }
    }

    /** True if {@code proof} shows that tree (n, oldHash) is a prefix of tree (t, newHash). */
    public static boolean check(List<byte[]> proof, long t, byte[] newHash, long n, byte[] oldHash) {
        if (n < 1 || n > t) {
            return false;
        }
        byte[][] hashes = run(proof, proof.size(), 0, t, n, oldHash);
        return hashes != null && Hashes.equal(hashes[0], oldHash) && Hashes.equal(hashes[1], newHash);
    }

    /** Returns {old, new} implied by the first {@code len} proof hashes; null if the length is wrong. */
    private static byte[][] run(List<byte[]> p, int len, long lo, long hi, long n, byte[] old) {
        if (n == hi) {
            if (lo == 0) {
                return len == 0 ? new byte[][] {old, old} : null;
            }
            return len == 1 ? new byte[][] {p.get(0), p.get(0)} : null;
        }
        if (len == 0) {
            return null;
        }
        long k = Hashes.maxPow2Below(hi - lo);
        byte[] last = p.get(len - 1);
        if (n <= lo + k) {
            byte[][] sub = run(p, len - 1, lo, lo + k, n, old);
            return sub == null ? null : new byte[][] {sub[0], Hashes.nodeHash(sub[1], last)};
        }
        byte[][] sub = run(p, len - 1, lo + k, hi, n, old);
        return sub == null ? null : new byte[][] {Hashes.nodeHash(last, sub[0]), Hashes.nodeHash(last, sub[1])};
    }
}
