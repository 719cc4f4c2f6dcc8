package io.modvault.core.verify;

import io.modvault.sumdb.TileSource;
import io.modvault.sumdb.tlog.Tile;
import java.io.IOException;
import java.util.Arrays;

/**
 * Tiles for the verifier, read the way the go command reads them: the exact tile first; if a
 * partial tile cannot be had (databases may stop serving it once the full tile exists), the full
 * tile truncated to the width asked for. Contents are untrusted hints: every proof recomputes a
 * signed root from them.
 */
final class DatabaseTiles implements TileSource {
    private final ChecksumReads reads;

    DatabaseTiles(ChecksumReads reads) {
        this.reads = reads;
    }

    @Override
    public byte[] readTile(Tile tile) throws IOException {
        try {
            return reads.read(tile.path());
        } catch (ChecksumReads.ChecksumReadException exact) {
            if (!tile.isPartial()) {
                throw new IOException(exact.getMessage());
            }
            try {
                byte[] full = reads.read(tile.full().path());
                int want = tile.isData() ? -1 : tile.w() * 32;
                if (want < 0) {
                    throw new IOException("data tile " + tile.path() + " unavailable: " + exact.getMessage());
                }
                if (full.length < want) {
                    throw new IOException("full tile for " + tile.path() + " is too short");
                }
                return Arrays.copyOf(full, want);
            } catch (ChecksumReads.ChecksumReadException fullToo) {
                throw new IOException(exact.getMessage());
            }
        }
    }
}
