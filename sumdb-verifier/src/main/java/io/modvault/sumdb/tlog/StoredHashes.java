package io.modvault.sumdb.tlog;

/**
 * x/mod's linear numbering of every hash a log stores (all complete subtrees, in the order they
 * become complete): record hashes and interior hashes interleaved. A verifier does not need it;
 * a log server (including the test one) can store its hashes in this order.
 */
public final class StoredHashes {

    private StoredHashes() {}

    /** Index of the hash of the complete subtree at {@code level} with index {@code n} (x/mod {@code StoredHashIndex}). */
    public static long index(int level, long n) {
        for (int l = level; l > 0; l--) {
            n = 2 * n + 1;
        }
        long i = 0;
        for (; n > 0; n >>= 1) {
            i += n;
        }
        return i + level;
    }

    /** Number of hashes stored for a tree of {@code size} records (x/mod {@code StoredHashCount}). */
    public static long count(long size) {
        if (size == 0) {
            return 0;
        }
        long num = index(0, size - 1) + 1;
        for (long i = size - 1; (i & 1) != 0; i >>= 1) {
            num++;
        }
        return num;
    }

    /** The level of the stored hash {@code index} (inverse of {@link #index}). */
    public static int levelOf(long index) {
        return (int) (index - index(0, recordOf(index)));
    }

    /** The subtree index within its level of the stored hash {@code index}. */
    public static long indexInLevelOf(long index) {
        return recordOf(index) >> levelOf(index);
    }

    /** The record whose addition stored hash {@code index}. */
    private static long recordOf(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative stored hash index " + index);
        }
        long n = index / 2;
        long indexN = index(0, n);
        while (true) {
            long next = indexN + 1 + Long.numberOfTrailingZeros(n + 1);
            if (next > index) {
                return n;
            }
            n++;
            indexN = next;
        }
    }
}
