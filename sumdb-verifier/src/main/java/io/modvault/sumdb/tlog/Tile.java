package io.modvault.sumdb.tlog;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * A tile of the log (x/mod {@code tlog.Tile}): height {@code h}, tile level {@code l} (−1 for a
 * data tile), index {@code n} and width {@code w} (number of hashes or records, at most 2^h). Its
 * canonical path is {@code tile/<H>/<L|data>/<NNN>[.p/<W>]} with N in base-1000 groups, every group
 * but the last prefixed by {@code x}.
 */
public record Tile(int h, int l, long n, int w) {

    /** Level value of data tiles. */
    public static final int DATA = -1;

    private static final int MAX_HEIGHT = 30;
    private static final int PATH_BASE = 1000;

    public Tile {
        if (h < 1 || h > MAX_HEIGHT || l < DATA || n < 0 || w < 1 || w > (1 << h)) {
            throw new IllegalArgumentException("invalid tile {H:" + h + " L:" + l + " N:" + n + " W:" + w + "}");
        }
    }

    /**
     * The tile at (h, l, n) with the width implied by a tree of {@code treeSize} records: the width
     * the {@code go} command requests, so that all clients share URLs.
     */
    public static Tile forTreeSize(int h, int l, long n, long treeSize) {
        long rowLength = shiftRight(treeSize, (long) Math.max(l, 0) * h);
        long w = n > rowLength >> h ? 0 : Math.min(1L << h, rowLength - (n << h));
        if (w < 1) {
            throw new IllegalArgumentException(
                    "tile {H:" + h + " L:" + l + " N:" + n + "} is beyond a tree of size " + treeSize);
        }
        return new Tile(h, l, n, (int) w);
    }

    /** Parses a canonical tile path; {@link Reason#MALFORMED} for anything that does not print back identically. */
    public static Tile parse(String path) {
        String[] f = path.split("/", -1);
        if (f.length < 4 || !f[0].equals("tile")) {
            throw badPath(path);
        }
        try {
            int h = Integer.parseInt(f[1]);
            boolean data = f[2].equals("data");
            int l = data ? DATA : Integer.parseInt(f[2]);
            if (h < 1 || h > MAX_HEIGHT || l < DATA || (!data && l < 0)) {
                throw badPath(path);
            }
            int w = 1 << h;
            int end = f.length;
            String lastGroup = f[end - 1];
            if (f[end - 2].endsWith(".p")) {
                w = Integer.parseInt(f[end - 1]);
                if (w <= 0 || w >= 1 << h) {
                    throw badPath(path);
                }
                lastGroup = f[end - 2].substring(0, f[end - 2].length() - 2);
                end--;
            }
            long n = 0;
            for (int i = 3; i < end; i++) {
                String g = i == end - 1 ? lastGroup : f[i];
                int part = Integer.parseInt(g.startsWith("x") ? g.substring(1) : g);
                if (part < 0 || part >= PATH_BASE) {
                    throw badPath(path);
                }
                n = Math.addExact(Math.multiplyExact(n, PATH_BASE), part);
            }
            Tile t = new Tile(h, l, n, w);
            if (!t.path().equals(path)) {
                throw badPath(path);
            }
            return t;
        } catch (NumberFormatException | ArithmeticException e) {
            throw badPath(path);
        }
    }

    private static SumdbException badPath(String path) {
        return new SumdbException(Reason.MALFORMED, "malformed tile path \"" + path + "\"");
    }

    /** The canonical path, e.g. {@code tile/8/0/x001/234.p/5}. */
    public String path() {
        long rest = n;
        StringBuilder nStr = new StringBuilder(String.format("%03d", rest % PATH_BASE));
        while (rest >= PATH_BASE) {
            rest /= PATH_BASE;
            nStr.insert(0, String.format("x%03d/", rest % PATH_BASE));
        }
        String level = l == DATA ? "data" : Integer.toString(l);
        String partial = isPartial() ? ".p/" + w : "";
        return "tile/" + h + "/" + level + "/" + nStr + partial;
    }

    public boolean isData() {
        return l == DATA;
    }

    public boolean isPartial() {
        return w != 1 << h;
    }

    /** The full-width tile at the same position, from which a partial one is a prefix. */
    public Tile full() {
        return new Tile(h, l, n, 1 << h);
    }

    /** The tile with the same position holding records instead of level-0 hashes, or vice versa. */
    public Tile withLevel(int level) {
        return new Tile(h, level, n, w);
    }

    /** The tiles a log publishes when it grows from {@code oldSize} to {@code newSize} records (x/mod {@code NewTiles}). */
    public static List<Tile> newTiles(int h, long oldSize, long newSize) {
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; shiftRight(newSize, (long) h * level) > 0; level++) {
            long oldN = shiftRight(oldSize, (long) h * level);
            long newN = shiftRight(newSize, (long) h * level);
            if (oldN == newN) {
                continue;
            }
            for (long i = oldN >> h; i < newN >> h; i++) {
                tiles.add(new Tile(h, level, i, 1 << h));
            }
            long last = newN >> h;
            int w = (int) (newN - (last << h));
            if (w > 0) {
                tiles.add(new Tile(h, level, last, w));
            }
        }
        return tiles;
    }

    /** {@code v >> s} for non-negative v, 0 once s reaches 63 (Java would otherwise shift by {@code s % 64}). */
    static long shiftRight(long v, long s) {
        return s >= Long.SIZE - 1 ? 0 : v >> s;
    }

    /** The smallest tile holding the stored hash with x/mod's linear {@code index} (x/mod {@code TileForIndex}). */
    public static Tile forStoredIndex(int h, long index) {
        int level = StoredHashes.levelOf(index);
        long n = StoredHashes.indexInLevelOf(index);
        int tileLevel = level / h;
        int inTile = level - tileLevel * h;
        long tileN = (n << inTile) >> h;
        long nInTile = n - ((tileN << h) >> inTile);
        return new Tile(h, tileLevel, tileN, (int) ((nInTile + 1) << inTile));
    }
}
