package io.modvault.core.fetch;

import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.verify.ChecksumDatabase;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * How fetched modules are verified: the checksum database ({@code GOSUMDB}; empty for off), the
 * GONOSUMDB patterns whose modules are never looked up, and how to reach a database directly
 * when the upstream does not proxy it.
 */
public record VerificationSettings(Optional<ChecksumDatabase> database, PrefixPatterns noSumdb,
                                   Function<URI, UpstreamClient> directClients) {

    /** GOSUMDB=off: hashes are recorded, nothing is looked up. */
    public static VerificationSettings off() {
        return new VerificationSettings(Optional.empty(), PrefixPatterns.parse(""), uri -> {
            throw new IllegalStateException("no checksum database configured");
        });
    }
}
