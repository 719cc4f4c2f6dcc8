package io.modvault.server;

import io.modvault.core.fetch.Routing;
import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.policy.RoutingPolicy;
import io.modvault.core.upstream.CircuitBreakers;
import io.modvault.core.upstream.EnvironmentProxySelector;
import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.upstream.ProxyChain;
import io.modvault.core.upstream.TrustBundle;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.Upstreams;
import io.modvault.core.vcs.auth.Credentials;
import io.modvault.core.vcs.coderepo.DirectUpstream;
import io.modvault.core.vcs.discovery.DiscoverySettings;
import io.modvault.core.vcs.discovery.GoImportResolver;
import io.modvault.core.vcs.git.GitCommand;
import io.modvault.core.vcs.git.GitEgress;
import io.modvault.core.vcs.git.GitMirrors;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the network side of what a {@link ServerConfig} describes: the routing policy with the
 * direct (git) fetcher, the upstream chains with their circuit breakers and the verification
 * settings. Malformed values become configuration errors naming their key. {@link #close()}
 * releases the HTTP clients of go-import discovery.
 */
final class Components implements AutoCloseable {
    private final ServerConfig config;
    private final EnvironmentProxySelector egress;
    private final HttpUpstreamSettings http;
    private final RoutingPolicy policy;
    private final GoImportResolver resolver;
    private final UpstreamClient direct;
    private final CircuitBreakers breakers;
    private ProxyChain mainChain;

    Components(ServerConfig config, Clock clock) {
        this.config = config;
        Optional<TrustBundle> trust = config.caFile().map(Components::trustBundle);
        this.breakers = new CircuitBreakers(clock);
        this.policy = policy(config);
        Map<String, String> credentialSettings = new HashMap<>(config.environment());
        credentialSettings.putAll(config.routing());
        Credentials credentials;
        try {
            credentials = Credentials.load(credentialSettings, policy::insecure);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.GIT_CREDENTIALS.envName() + ": " + e.getMessage());
        }
        // git runs with the server's environment (HTTP(S)_PROXY, HOME for .netrc and helpers),
        // translated for curl, and trusts what the JDK client trusts.
        Optional<Path> gitCaBundle = trust.map(bundle -> GitCaBundle.write(bundle, config.dataDir()));
        GitCommand git =
                new GitCommand("git", config.gitTimeout(), GitEgress.environment(config.environment(), gitCaBundle));
        // Last, as it may start bridges (socks5, https proxies) that close() stops.
        this.egress = egress(config, trust);
        this.http = httpSettings(config, egress, trust);
        this.resolver = new GoImportResolver(DiscoverySettings.defaults(http), policy::insecure, credentials, clock);
        this.direct = new DirectUpstream(
                resolver,
                new GitMirrors(
                        config.dataDir().resolve("vcs"),
                        git,
                        clock,
                        config.fetch().listTtl(),
                        credentials::gitAuth));
    }

    /** The main upstream chain ({@code GOPROXY}; {@code direct} fetches from version control). */
    UpstreamClient upstream() {
        return mainChain();
    }

    private synchronized ProxyChain mainChain() {
        if (mainChain == null) {
            mainChain = chain(config.upstream(), ConfigKey.UPSTREAM);
        }
        return mainChain;
    }

    Routing routing() {
        return new Routing(policy, Optional.of(direct), goproxy -> chain(goproxy, ConfigKey.ROUTES));
    }

    VerificationSettings verification() {
        Optional<ChecksumDatabase> database;
        try {
            database = ChecksumDatabase.parse(config.sumdb());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.SUMDB.envName() + ": " + e.getMessage());
        }
        Optional<ChecksumDatabase> proxied =
                config.sumdbProxy() ? database.or(() -> ChecksumDatabase.parse("sum.golang.org")) : Optional.empty();
        return new VerificationSettings(database, policy.noSumDbPatterns(), this::client, proxied, cacheOnly());
    }

    /** GOPROXY=off: the checksum database is answered from the cache alone, never contacted. */
    private boolean cacheOnly() {
        return mainChain().entries().getFirst().equals("off");
    }

    RoutingPolicy policy() {
        return policy;
    }

    /** The circuit breakers of every upstream URL (proxies and checksum databases), for metrics. */
    CircuitBreakers breakers() {
        return breakers;
    }

    @Override
    public void close() {
        resolver.close();
        egress.close();
    }

    private UpstreamClient client(URI uri) {
        return breakers.guard(Upstreams.forUri(uri, http));
    }

    private ProxyChain chain(String goproxy, ConfigKey key) {
        try {
            return ProxyChain.parse(goproxy, this::client, () -> direct);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key.envName() + ": " + e.getMessage());
        }
    }

    private static RoutingPolicy policy(ServerConfig config) {
        try {
            return RoutingPolicy.fromSettings(config.routing());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.ROUTES.envName() + ": " + e.getMessage());
        }
    }

    private static TrustBundle trustBundle(Path caFile) {
        try {
            return TrustBundle.withFile(caFile);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.CA_FILE.envName() + ": " + e.getMessage());
        }
    }

    /** HTTPS_PROXY/HTTP_PROXY/NO_PROXY; an https proxy's certificate is checked with the CA file too. */
    private static EnvironmentProxySelector egress(ServerConfig config, Optional<TrustBundle> trust) {
        try {
            return EnvironmentProxySelector.of(
                    config.environment(), trust.map(TrustBundle::sslContext), config.connectTimeout());
        } catch (IllegalArgumentException e) {
            // The message starts with the variable's name and never holds the credentials.
            throw new ConfigException(e.getMessage());
        }
    }

    private static HttpUpstreamSettings httpSettings(
            ServerConfig config, EnvironmentProxySelector egress, Optional<TrustBundle> trust) {
        HttpUpstreamSettings settings = new HttpUpstreamSettings(
                        config.connectTimeout(),
                        config.upstreamTimeout(),
                        Optional.empty(),
                        HttpUpstreamSettings.userAgentFor(Versions.current()),
                        config.upstreamDeadline())
                .withEgress(egress);
        return trust.map(bundle -> settings.withTls(bundle.sslContext())).orElse(settings);
    }
}
