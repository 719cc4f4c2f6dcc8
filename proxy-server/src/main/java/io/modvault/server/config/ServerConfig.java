package io.modvault.server.config;

import io.modvault.core.fetch.FetchSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The validated configuration of one server instance. {@code noSumdb} is the effective
 * GONOSUMDB pattern list (GOPRIVATE when GONOSUMDB is unset, as in the go command). {@code environment} is kept for the
 * settings that belong to the process rather than to modvault (HTTPS_PROXY, NO_PROXY, …).
 */
public record ServerConfig(String upstream, String sumdb, String noSumdb, InetSocketAddress listen, Path dataDir, StoreType store,
                           FetchSettings fetch, long memoryCacheBytes, Duration connectTimeout, Duration upstreamTimeout,
                           Duration shutdownGrace, int eventLoopThreads, String logLevel,
                           Map<String, String> environment) {

    /** Which {@link io.modvault.core.storage.ModuleStore} to run on. */
    public enum StoreType { ROCKSDB, MEMORY }
}
