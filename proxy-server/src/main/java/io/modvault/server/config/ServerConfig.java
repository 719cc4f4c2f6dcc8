package io.modvault.server.config;

import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.integrity.ScrubSettings;
import io.modvault.server.connection.ConnectionLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration of one server instance. {@code routing} holds the module-routing
 * and credential settings by their names (GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE,
 * MODVAULT_DENY/ALLOW/ROUTES, MODVAULT_GIT_CREDENTIALS), for {@code RoutingPolicy} and
 * {@code Credentials}, which apply the go command's defaults. {@code environment} is kept for the
 * settings that belong to the process rather than to modvault (HTTPS_PROXY, NO_PROXY, …).
 * {@code sumdbProxy} keeps {@code /sumdb/} served to clients whatever {@code sumdb} says.
 * {@code caFile} is the PEM bundle trusted beside the JVM's defaults ({@code MODVAULT_CA_FILE}).
 */
public record ServerConfig(
        String upstream,
        String sumdb,
        boolean sumdbProxy,
        Map<String, String> routing,
        Duration gitTimeout,
        InetSocketAddress listen,
        Path dataDir,
        StoreType store,
        FetchSettings fetch,
        long memoryCacheBytes,
        Duration connectTimeout,
        Duration upstreamTimeout,
        Duration upstreamDeadline,
        Duration shutdownGrace,
        int eventLoopThreads,
        ConnectionLimits connections,
        String logLevel,
        ScrubSettings scrub,
        Map<String, String> environment,
        Optional<Path> caFile) {

    /** Which {@link io.modvault.core.storage.ModuleStore} to run on. */
    public enum StoreType {
        ROCKSDB,
        MEMORY
    }
}
