package io.modvault.core.fetch;

import java.time.Duration;

/**
 * Freshness and size limits of the fetch algorithm. The size limits are Go's own (zip and
 * go.mod, x/mod zip.go and codehost); the others bound what one upstream answer may cost us.
 */
public record FetchSettings(
        Duration listTtl,
        Duration queryTtl,
        Duration negativeTtl,
        long maxZipBytes,
        long maxGoModBytes,
        long maxListBytes,
        long maxInfoBytes) {
    public static final long GO_MAX_ZIP = 500L << 20;
    public static final long GO_MAX_GO_MOD = 16L << 20;

    public static FetchSettings defaults() {
        return of(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    public static FetchSettings of(Duration listTtl, Duration queryTtl, Duration negativeTtl) {
        return new FetchSettings(listTtl, queryTtl, negativeTtl, GO_MAX_ZIP, GO_MAX_GO_MOD, 16L << 20, 1L << 20);
    }
}
