package io.modvault.server;

import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.upstream.EnvironmentProxySelector;
import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.upstream.ProxyChain;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.Upstreams;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import java.time.Clock;
import java.util.Optional;

/** Builds the store and the upstream chain a {@link ServerConfig} describes. */
final class Components {
    private Components() {
    }

    static ModuleStore store(ServerConfig config, Clock clock) {
        return switch (config.store()) {
            case ROCKSDB -> RocksDbModuleStore.open(config.dataDir(), clock);
            case MEMORY -> InMemoryModuleStore.open(config.dataDir(), clock);
        };
    }

    /** The upstream chain; a malformed GOPROXY is a configuration error naming the key. */
    static UpstreamClient upstream(ServerConfig config) {
        EnvironmentProxySelector egress;
        try {
            egress = EnvironmentProxySelector.of(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("HTTPS_PROXY/HTTP_PROXY: " + e.getMessage());
        }
        HttpUpstreamSettings settings = new HttpUpstreamSettings(config.connectTimeout(), config.upstreamTimeout(),
                egress.proxies() ? Optional.of(egress) : Optional.empty(), HttpUpstreamSettings.userAgentFor(Versions.current()));
        try {
            return ProxyChain.parse(config.upstream(), uri -> Upstreams.forUri(uri, settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.UPSTREAM.envName() + ": " + e.getMessage());
        }
    }
}
