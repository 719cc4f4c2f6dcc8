package io.modvault.sumdb.tlog;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.TileSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes hashes of a tree of a given size from its tiles (checksums-and-sumdb.md §11.2): each
 * complete subtree hash is read from the tile that holds it (at the width implied by the tree
 * size), and other ranges are folded from their power-of-two blocks. Tile contents are untrusted
 * hints: callers must check the result against a signed root, as the proofs do. Tiles are read
 * once per instance; an instance serves one verification.
 */
public final class TreeHashes implements RangeHasher {

    private final int height;
    private final TileSource source;
    private final long treeSize;
    private final Map<Tile, byte[]> tiles = new HashMap<>();

    public TreeHashes(int height, TileSource source, long treeSize) {
        if (height < 1 || height > 30 || treeSize < 0) {
            throw new IllegalArgumentException("tile height " + height + ", tree size " + treeSize);
        }
        this.height = height;
        this.source = source;
        this.treeSize = treeSize;
    }

    public long treeSize() {
        return treeSize;
    }

    /** TreeHash(n): the root of the first {@code n} records (n ≤ tree size). */
    public byte[] treeHash(long n) {
        return n == 0 ? Hashes.emptyTreeHash() : rangeHash(0, n);
    }

    /** MTH(lo, hi) for a range made of aligned power-of-two blocks, as every proof range is. */
    @Override
    public byte[] rangeHash(long lo, long hi) {
        if (lo < 0 || lo >= hi || hi > treeSize) {
            throw new IllegalArgumentException("range [" + lo + ", " + hi + ") of a tree of size " + treeSize);
        }
        long k = Long.highestOneBit(hi - lo);
        if (lo % k != 0) {
            throw new IllegalArgumentException("range [" + lo + ", " + hi + ") is not a subtree or right-edge tree");
        }
        byte[] first = hashAt(Long.numberOfTrailingZeros(k), lo / k);
        return lo + k == hi ? first : Hashes.nodeHash(first, rangeHash(lo + k, hi));
    }

    /** The hash of the complete subtree at {@code level} with index {@code index}. */
    public byte[] hashAt(int level, long index) {
        if (level < 0 || level > 62 || index < 0 || (index + 1) > treeSize >> level) {
            throw new IllegalArgumentException(
                    "subtree (level " + level + ", index " + index + ") is not complete in a tree of size " + treeSize);
        }
        int tileLevel = level / height;
        int inTile = level % height;
        long tileIndex = (index << inTile) >> height;
        Tile tile = Tile.forTreeSize(height, tileLevel, tileIndex, treeSize);
        int first = (int) ((index << inTile) - (tileIndex << height));
        return TileHashes.tileHash(read(tile), first, 1 << inTile);
    }

    private byte[] read(Tile tile) {
        byte[] data = tiles.get(tile);
        if (data != null) {
            return data;
        }
        try {
            data = source.readTile(tile);
        } catch (IOException e) {
            throw new SumdbException(Reason.TILE, "reading " + tile.path() + ": " + e.getMessage(), e);
        }
        if (data == null || data.length != tile.w() * Hashes.SIZE) {
            throw new SumdbException(
                    Reason.TILE,
                    tile.path() + ": expected " + tile.w() * Hashes.SIZE + " bytes, got "
                            + (data == null ? "none" : data.length));
        }
        data = data.clone();
        tiles.put(tile, data);
        return data;
    }
}
