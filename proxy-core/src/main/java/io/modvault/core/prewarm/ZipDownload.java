package io.modvault.core.prewarm;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A zip body read to a temp file and hashed there, for {@link HttpArtifactFetcher#fetchHashed}:
 * a zip's {@code h1:} needs its central directory, at the end, so it cannot be hashed as it
 * streams, and zips are never held in memory. The temp file is deleted whatever happens.
 */
final class ZipDownload {
    private ZipDownload() {}

    static FetchOutcome hashed(InputStream body, boolean alreadyStored, String url) throws IOException {
        Path temp = Files.createTempFile("modvault-prewarm-", ".zip");
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(temp)) {
                bytes = body.transferTo(out);
            }
            String hash;
            try {
                hash = DirHash.hashZip(temp);
            } catch (IOException | SumdbException e) {
                // The whole body arrived, so this is what the server serves: another attempt would get it again.
                return new FetchOutcome.Failed(0, url + ": not a module zip: " + e.getMessage(), false);
            }
            return new FetchOutcome.Delivered(bytes, alreadyStored, new byte[0]).withH1(hash);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
