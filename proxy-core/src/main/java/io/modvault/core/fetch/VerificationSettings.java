package io.modvault.core.fetch;

import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.verify.ChecksumDatabase;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * How fetched modules are verified and which checksum database clients reach through modvault:
 * {@code database} is the one modules are verified against ({@code GOSUMDB}; empty for off);
 * {@code proxied} is the one served at {@code /sumdb/<name>/} (empty when that is switched off),
 * which need not be verified against; {@code noSumdb} are the GONOSUMDB patterns whose modules
 * are never looked up; {@code directClients} reach a database directly when the upstream does
 * not proxy it; {@code cacheOnly} (GOPROXY=off) answers database reads from the cache alone,
 * without any network traffic.
 */
public record VerificationSettings(
        Optional<ChecksumDatabase> database,
        PrefixPatterns noSumdb,
        Function<URI, UpstreamClient> directClients,
        Optional<ChecksumDatabase> proxied,
        boolean cacheOnly) {

    /** Verifies against {@code database} and proxies that same database to clients, over the network. */
    public VerificationSettings(
            Optional<ChecksumDatabase> database, PrefixPatterns noSumdb, Function<URI, UpstreamClient> directClients) {
        this(database, noSumdb, directClients, database, false);
    }

    /** GOSUMDB=off: hashes are recorded, nothing is looked up. */
    public static VerificationSettings off() {
        return new VerificationSettings(Optional.empty(), PrefixPatterns.parse(""), uri -> {
            throw new IllegalStateException("no checksum database configured");
        });
    }
}
