package io.modvault.core.fetch;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.upstream.UpstreamClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The caching proxy algorithm: maps each {@link ProxyRequest} to its storage key, freshness
 * and upstream check, and answers it from the store or through one shared upstream fetch.
 * Immutable artifacts (canonical {@code .info}, {@code .mod}, {@code .zip}) are served forever
 * once stored; lists, {@code @latest} and version queries are refreshed after their TTL and
 * served stale when the upstream fails. Blocking: call it from a virtual thread.
 */
public final class ModuleProxy {
    private static final Consumer<byte[]> NOTHING = body -> { };
    private final ModuleStore store;
    private final FetchSettings settings;
    private final SmallArtifactFetcher small;
    private final ZipFetcher zips;

    public ModuleProxy(ModuleStore store, UpstreamClient upstream, FetchSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.small = new SmallArtifactFetcher(store, upstream, settings, clock);
        this.zips = new ZipFetcher(store, upstream, settings, clock);
    }

    public FetchResult get(ProxyRequest request) {
        return switch (request) {
            case ProxyRequest.ListVersions list -> small.fetch(new SmallArtifact(
                    key(EntryKind.LIST, list.module(), ""), list.upstreamPath(), Freshness.ttl(settings.listTtl()),
                    settings.maxListBytes(), MediaType.TEXT, ListCheck::problem), NOTHING);
            case ProxyRequest.Latest latest -> small.fetch(new SmallArtifact(
                    key(EntryKind.LATEST, latest.module(), ""), latest.upstreamPath(), Freshness.ttl(settings.listTtl()),
                    settings.maxInfoBytes(), MediaType.JSON,
                    body -> InfoCheck.problem(body, latest.module(), Optional.empty())), NOTHING);
            case ProxyRequest.Info info when info.canonical() -> small.fetch(new SmallArtifact(
                    key(EntryKind.INFO, info.module(), info.version()), info.upstreamPath(), Freshness.forever(),
                    settings.maxInfoBytes(), MediaType.JSON,
                    body -> InfoCheck.problem(body, info.module(), Optional.of(info.version()))), NOTHING);
            case ProxyRequest.Info query -> small.fetch(new SmallArtifact(
                    key(EntryKind.QUERY, query.module(), query.version()), query.upstreamPath(),
                    Freshness.ttl(settings.queryTtl()), settings.maxInfoBytes(), MediaType.JSON,
                    body -> InfoCheck.problem(body, query.module(), Optional.empty())),
                    body -> rememberResolvedInfo(query.module(), body));
            case ProxyRequest.Mod mod -> small.fetch(new SmallArtifact(
                    key(EntryKind.MOD, mod.module(), mod.version()), mod.upstreamPath(), Freshness.forever(),
                    settings.maxGoModBytes(), MediaType.TEXT, body -> Optional.empty()), NOTHING);
            case ProxyRequest.Zip zip -> zips.fetch(zip, key(EntryKind.ZIP, zip.module(), zip.version()));
            case ProxyRequest.Sumdb sumdb ->
                    new FetchResult.NotFound("checksum database " + sumdb.databaseName() + " is not proxied here",
                            CacheOutcome.NONE);
        };
    }

    /**
     * A query ({@code @master}, {@code @v1.2}) resolves to a canonical version; keeping that
     * answer as the version's immutable {@code .info} saves the client's next request.
     */
    private void rememberResolvedInfo(ModulePath module, byte[] body) {
        InfoCheck.version(body).ifPresent(version -> {
            EntryKey key = key(EntryKind.INFO, module, version);
            if (store.get(key).isEmpty()) {
                store.put(key, body);
            }
        });
    }

    /** Store key: escaped path, plus {@code @escapedVersion} for per-version artifacts. */
    static EntryKey key(EntryKind kind, ModulePath module, String version) {
        String key = version.isEmpty() ? module.escaped() : module.escaped() + "@" + ModuleVersion.escape(version);
        return EntryKey.of(kind, key);
    }
}
