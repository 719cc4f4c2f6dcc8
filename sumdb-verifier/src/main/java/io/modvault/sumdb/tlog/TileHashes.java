package io.modvault.sumdb.tlog;

import java.util.Arrays;

/**
 * Hash arithmetic inside a hash tile. A tile stores only its bottom row; the hashes of the levels
 * above it within the tile are recomputed by hashing adjacent pairs (x/mod {@code tileHash}).
 */
public final class TileHashes {

    private TileHashes() {}

    /** The {@code i}-th hash of the tile's bottom row. */
    public static byte[] hashAt(byte[] tile, int i) {
        checkRange(tile, i, 1);
        return Arrays.copyOfRange(tile, i * Hashes.SIZE, (i + 1) * Hashes.SIZE);
    }

    /**
     * The root of the complete subtree whose leaves are bottom-row hashes {@code first ..
     * first + count - 1}; {@code count} must be a power of two.
     */
    public static byte[] tileHash(byte[] tile, int first, int count) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("tile hash over " + count + " hashes: not a power of two");
        }
        checkRange(tile, first, count);
        return hash(tile, first, count);
    }

    private static byte[] hash(byte[] tile, int first, int count) {
        if (count == 1) {
            return Arrays.copyOfRange(tile, first * Hashes.SIZE, (first + 1) * Hashes.SIZE);
        }
        int half = count / 2;
        return Hashes.nodeHash(hash(tile, first, half), hash(tile, first + half, half));
    }

    private static void checkRange(byte[] tile, int first, int count) {
        if (tile.length % Hashes.SIZE != 0 || first < 0 || (long) (first + count) * Hashes.SIZE > tile.length) {
            throw new IllegalArgumentException("hashes " + first + ".." + (first + count - 1)
                    + " are outside a tile of " + tile.length + " bytes");
        }
    }
}
