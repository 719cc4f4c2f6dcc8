package io.modvault.core.bundle;

import io.modvault.core.verify.ChecksumReads;
import io.modvault.sumdb.TileSource;
import io.modvault.sumdb.tlog.Tile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tiles for the exporter's proofs, read through the store's checksum-database cache (which asks
 * the database for what it lacks), each kept under the exact path the verifier asked for: the
 * go command asks for the same paths for the same tree, so those are the paths the bundle must
 * answer. A partial tile the database no longer serves is cut from its full tile, as the go
 * command does.
 */
final class RecordingTiles implements TileSource {
    private final ChecksumReads reads;
    private final Map<String, byte[]> read = new TreeMap<>();

    RecordingTiles(ChecksumReads reads) {
        this.reads = reads;
    }

    @Override
    public byte[] readTile(Tile tile) throws IOException {
        byte[] known = read.get(tile.path());
        if (known != null) {
            return known;
        }
        byte[] body;
        try {
            body = reads.read(tile.path());
        } catch (ChecksumReads.ChecksumReadException exact) {
            if (!tile.isPartial() || tile.isData()) {
                throw new IOException(tile.path() + ": " + exact.getMessage());
            }
            try {
                byte[] full = reads.read(tile.full().path());
                if (full.length < tile.w() * 32) {
                    throw new IOException("full tile for " + tile.path() + " is too short");
                }
                body = Arrays.copyOf(full, tile.w() * 32);
            } catch (ChecksumReads.ChecksumReadException fullToo) {
                throw new IOException(tile.path() + ": " + exact.getMessage());
            }
        }
        read.put(tile.path(), body);
        return body;
    }

    /** Every tile read so far, by its database-relative path. */
    Map<String, byte[]> tiles() {
        return read;
    }
}
