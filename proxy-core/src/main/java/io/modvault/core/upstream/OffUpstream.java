package io.modvault.core.upstream;

import io.modvault.core.upstream.UpstreamResult.NotFound;
import java.nio.file.Path;

/**
 * The {@code off} entry of a GOPROXY list: refuses every request. The go command treats this
 * refusal as "not found" ({@code errProxyOff} is {@code fs.ErrNotExist}), so it never beats a
 * real error when a chain reports its outcome.
 */
final class OffUpstream implements UpstreamClient {

    static final String NAME = "off";
    static final String REASON = "module lookup disabled by GOPROXY=off";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return new NotFound<>(NAME, 404, REASON);
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        return new NotFound<>(NAME, 404, REASON);
    }
}
