package io.modvault.core.fetch;

import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.verify.ModuleVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Clients' {@code /sumdb/<name>/…} requests, for the one database proxied to them (which may be
 * the go command's default while modvault itself does not verify). {@code supported} is
 * answered here and never forwarded (forwarding it could make the go command stop using modvault
 * for checksums); lookups of private (GONOSUMDB) modules are refused here, so their names never
 * leave the network; everything else is served from the cached database reads.
 */
final class SumdbRequests {
    private final Optional<ChecksumDatabaseProxy> database;
    private final ModuleVerifier verifier;

    SumdbRequests(Optional<ChecksumDatabaseProxy> database, ModuleVerifier verifier) {
        this.database = database;
        this.verifier = verifier;
    }

    FetchResult get(ProxyRequest.Sumdb request) {
        if (database.isEmpty() || !database.get().name().equals(request.databaseName())) {
            return new FetchResult.NotFound(
                    "checksum database " + request.databaseName() + " is not proxied here", CacheOutcome.NONE);
        }
        if (request.rest().equals("supported")) {
            return new FetchResult.Content(
                    new byte[0], MediaType.TEXT, CacheOutcome.NONE, Freshness.ttl(Duration.ZERO), Instant.EPOCH, "");
        }
        if (request.rest().startsWith("lookup/")) {
            String module =
                    request.rest().substring("lookup/".length(), request.rest().lastIndexOf('@'));
            String plain = ModulePath.parseEscaped(module).value();
            if (verifier.isPrivate(plain)) {
                return new FetchResult.Failure(
                        403,
                        "lookup of " + plain + " refused: it matches GONOSUMDB/GOPRIVATE,"
                                + " and private module paths are never sent to a checksum database");
            }
        }
        return database.get().get(request.rest());
    }
}
