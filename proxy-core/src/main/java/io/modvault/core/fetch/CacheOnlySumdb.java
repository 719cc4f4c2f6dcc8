package io.modvault.core.fetch;

import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import java.nio.file.Path;

/**
 * The checksum database as seen with {@code GOPROXY=off}: never contacted, so whatever is not
 * cached is not found. Not found rather than a gateway error because no upstream failed, and
 * the go command treats both alike for lookups and tiles (any error fails a lookup; a missing
 * partial tile is retried as the full tile, which is answered here the same way). Named
 * {@code off} like the GOPROXY entry, so the not-found is never remembered: a later start
 * with an upstream asks again.
 */
final class CacheOnlySumdb implements UpstreamClient {
    private final String database;

    CacheOnlySumdb(String database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "off";
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return notCached(path);
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        return notCached(path);
    }

    private <T> UpstreamResult<T> notCached(String path) {
        return new UpstreamResult.NotFound<>(
                name(),
                404,
                path + " is not cached, and checksum database " + database + " is not contacted with GOPROXY=off");
    }
}
