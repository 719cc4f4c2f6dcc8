package io.modvault.server;

import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.upstream.EnvironmentProxySelector;
import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.upstream.ProxyChain;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.Upstreams;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the store, the upstream chain and the verification settings a {@link ServerConfig}
 * describes; malformed values become configuration errors naming their key.
 */
final class Components {
    private Components() {
    }

    static ModuleStore store(ServerConfig config, Clock clock) {
        return switch (config.store()) {
            case ROCKSDB -> RocksDbModuleStore.open(config.dataDir(), clock);
            case MEMORY -> InMemoryModuleStore.open(config.dataDir(), clock);
        };
    }

    static UpstreamClient upstream(ServerConfig config) {
        HttpUpstreamSettings settings = httpSettings(config);
        try {
            return ProxyChain.parse(config.upstream(), uri -> Upstreams.forUri(uri, settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.UPSTREAM.envName() + ": " + e.getMessage());
        }
    }

    static VerificationSettings verification(ServerConfig config) {
        Optional<ChecksumDatabase> database;
        try {
            database = ChecksumDatabase.parse(config.sumdb());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.SUMDB.envName() + ": " + e.getMessage());
        }
        HttpUpstreamSettings settings = httpSettings(config);
        return new VerificationSettings(database, PrefixPatterns.parse(config.noSumdb()),
                uri -> Upstreams.forUri(uri, settings));
    }

    private static HttpUpstreamSettings httpSettings(ServerConfig config) {
        EnvironmentProxySelector egress;
        try {
            egress = EnvironmentProxySelector.of(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("HTTPS_PROXY/HTTP_PROXY: " + e.getMessage());
        }
        return new HttpUpstreamSettings(config.connectTimeout(), config.upstreamTimeout(),
                egress.proxies() ? Optional.of(egress) : Optional.empty(), HttpUpstreamSettings.userAgentFor(Versions.current()));
    }
}
