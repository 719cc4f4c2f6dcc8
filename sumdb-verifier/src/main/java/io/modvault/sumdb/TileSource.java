package io.modvault.sumdb;

import io.modvault.sumdb.tlog.Tile;
import java.io.IOException;

/**
 * Port through which the verifier obtains tiles of a checksum database. The verifier always asks
 * for the exact tile (width implied by the tree size it verifies against, as the {@code go} command
 * does); the implementation decides how to get it: a local cache, the server's exact path, or the
 * full tile truncated to {@code tile.w() * 32} bytes. Contents are untrusted: every check recomputes
 * a signed root, so a wrong tile can only make verification fail.
 */
@FunctionalInterface
public interface TileSource {

    /**
     * Returns the bytes of {@code tile}: {@code tile.w()} hashes of 32 bytes for hash tiles.
     *
     * @throws IOException if the tile cannot be obtained
     */
    byte[] readTile(Tile tile) throws IOException;
}
