package io.modvault.sumdb.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 hashing as used by the Go checksum database: leaf hashes
 * {@code SHA-256(0x00 || record)}, interior hashes {@code SHA-256(0x01 || left || right)} and the
 * hash of the empty tree {@code SHA-256("")}. Hashes are 32-byte arrays.
 */
public final class Hashes {

    /** Size of every hash in bytes. */
    public static final int SIZE = 32;

    private static final byte[] EMPTY = sha256().digest();

    private Hashes() {}

    public static byte[] recordHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The tree hash of a tree with no records. */
    public static byte[] emptyTreeHash() {
        return EMPTY.clone();
    }

    /** Constant-time comparison of two hashes. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Largest power of two strictly less than {@code n} (n ≥ 2), the RFC 6962 split point. */
    public static long maxPow2Below(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("no power of two below " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
