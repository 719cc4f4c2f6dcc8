package io.modvault.core.upstream;

import java.nio.file.Path;

/**
 * Port for one source of GOPROXY-layout content (an HTTP(S) proxy, a file:// tree, or a chain).
 *
 * <p>{@code path} is relative to the upstream's base and already case-encoded, e.g.
 * {@code github.com/!burnt!sushi/toml/@v/v0.3.1.zip} or
 * {@code sumdb/sum.golang.org/lookup/golang.org/x/text@v0.3.0}. Methods block (callers run them
 * on virtual threads) and never throw for upstream problems: those are {@link UpstreamResult}s.
 * A body larger than {@code maxBytes} is a {@link UpstreamResult.Failed}.
 */
public interface UpstreamClient {

    /** How this upstream is named in messages and logs (its URL without credentials). */
    String name();

    UpstreamResult<byte[]> fetchBytes(String path, long maxBytes);

    /**
     * Streams the body into {@code target} (truncating it first), hashing while writing. On any
     * non-Found result the content of {@code target} is unspecified and must not be used.
     */
    UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes);
}
