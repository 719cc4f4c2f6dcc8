package io.modvault.core.fetch;

import io.modvault.core.integrity.IntegrityStats;
import io.modvault.core.modcheck.GoModCheck;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.policy.Route;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.verify.ChecksumReads;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.core.verify.Verdict;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The caching proxy algorithm: maps each {@link ProxyRequest} to its storage key, freshness
 * and gate, and answers it from the store or through one shared upstream fetch. Immutable
 * artifacts (canonical {@code .info}, {@code .mod}, {@code .zip}) are served forever once stored,
 * and {@code .mod}/{@code .zip} are stored only after the {@link ModuleVerifier} accepted them;
 * lists, {@code @latest} and version queries are refreshed after their TTL and served stale when
 * the upstream fails. Blocking: call it from a virtual thread.
 */
public final class ModuleProxy {
    private final ModuleStore store;
    private final FetchSettings settings;
    private final SmallArtifactFetcher small;
    private final ZipFetcher zips;
    private final ModuleVerifier verifier;
    private final SumdbRequests sumdb;
    private final Routing routing;
    private final ChecksumReads checksumReads;
    private final IntegrityStats integrity = new IntegrityStats();

    public ModuleProxy(ModuleStore store, UpstreamClient upstream, FetchSettings settings, Clock clock) {
        this(store, upstream, settings, clock, VerificationSettings.off());
    }

    public ModuleProxy(
            ModuleStore store,
            UpstreamClient upstream,
            FetchSettings settings,
            Clock clock,
            VerificationSettings verification) {
        this(store, upstream, settings, clock, verification, Routing.none());
    }

    /**
     * {@code upstream} is the main chain; module requests are routed by {@code routing}, while
     * checksum-database traffic always uses the main chain (it never names a private module).
     */
    public ModuleProxy(
            ModuleStore store,
            UpstreamClient upstream,
            FetchSettings settings,
            Clock clock,
            VerificationSettings verification,
            Routing routing) {
        this.store = store;
        this.settings = settings;
        this.routing = routing;
        UpstreamClient routed = new RoutedUpstream(upstream, routing);
        this.small = new SmallArtifactFetcher(store, routed, settings, clock);
        Optional<ChecksumDatabaseProxy> database = verification
                .database()
                .map(db -> new ChecksumDatabaseProxy(db, store, upstream, verification, settings, clock));
        // Clients usually reach the verified database, and then share its single-flights.
        Optional<ChecksumDatabaseProxy> proxied = verification
                .proxied()
                .map(db -> database.filter(verified -> verified.name().equals(db.name()))
                        .orElseGet(
                                () -> new ChecksumDatabaseProxy(db, store, upstream, verification, settings, clock)));
        ChecksumReads reads = database.<ChecksumReads>map(d -> d).orElse(path -> {
            throw new ChecksumReads.ChecksumReadException("no checksum database configured", false, false);
        });
        this.checksumReads = reads;
        this.verifier = new ModuleVerifier(verification.database(), verification.noSumdb(), store, reads);
        this.zips = new ZipFetcher(store, routed, settings, clock, verifier, integrity);
        this.sumdb = new SumdbRequests(proxied, verifier);
    }

    /** The verifier, for its statistics. */
    public ModuleVerifier verifier() {
        return verifier;
    }

    /**
     * Reads of the verified checksum database (GOSUMDB), cached in the store like the verifier's
     * own: a bundle export gathers lookups and tiles through it. Fails every read when GOSUMDB=off.
     */
    public ChecksumReads checksumReads() {
        return checksumReads;
    }

    /** Counters of damaged blobs found before serving (the scrub adds its own). */
    public IntegrityStats integrity() {
        return integrity;
    }

    public FetchResult get(ProxyRequest request) {
        Optional<FetchResult.Failure> denied = denial(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        return switch (request) {
            case ProxyRequest.ListVersions list ->
                small.fetch(new SmallArtifact(
                        key(EntryKind.LIST, list.module(), ""),
                        list.upstreamPath(),
                        Freshness.ttl(settings.listTtl()),
                        settings.maxListBytes(),
                        MediaType.TEXT,
                        SmallArtifact.structural(list.upstreamPath(), ListCheck::problem)));
            case ProxyRequest.Latest latest ->
                small.fetch(new SmallArtifact(
                        key(EntryKind.LATEST, latest.module(), ""),
                        latest.upstreamPath(),
                        Freshness.ttl(settings.listTtl()),
                        settings.maxInfoBytes(),
                        MediaType.JSON,
                        SmallArtifact.structural(
                                latest.upstreamPath(),
                                body -> InfoCheck.problem(body, latest.module(), Optional.empty()))));
            case ProxyRequest.Info info
            when info.canonical() ->
                small.fetch(new SmallArtifact(
                        key(EntryKind.INFO, info.module(), info.version()),
                        info.upstreamPath(),
                        Freshness.forever(),
                        settings.maxInfoBytes(),
                        MediaType.JSON,
                        SmallArtifact.structural(
                                info.upstreamPath(),
                                body -> InfoCheck.problem(body, info.module(), Optional.of(info.version())))));
            case ProxyRequest.Info query ->
                small.fetch(new SmallArtifact(
                        key(EntryKind.QUERY, query.module(), query.version()),
                        query.upstreamPath(),
                        Freshness.ttl(settings.queryTtl()),
                        settings.maxInfoBytes(),
                        MediaType.JSON,
                        queryGate(query)));
            case ProxyRequest.Mod mod ->
                small.fetch(new SmallArtifact(
                        key(EntryKind.MOD, mod.module(), mod.version()),
                        mod.upstreamPath(),
                        Freshness.forever(),
                        settings.maxGoModBytes(),
                        MediaType.TEXT,
                        modGate(mod)));
            case ProxyRequest.Zip zip -> zips.fetch(zip, key(EntryKind.ZIP, zip.module(), zip.version()));
            case ProxyRequest.Sumdb database -> sumdb.get(database);
        };
    }

    /** Denied modules get 403 whatever is cached, so a new deny rule takes effect at once. */
    private Optional<FetchResult.Failure> denial(ProxyRequest request) {
        return request.subject()
                .map(module -> routing.policy().route(module.value()))
                .filter(Route.Denied.class::isInstance)
                .map(route -> new FetchResult.Failure(403, ((Route.Denied) route).reason()));
    }

    /** A {@code .mod} is stored only if it names its module and is verified, together with its recorded hash. */
    private SmallArtifact.Gate modGate(ProxyRequest.Mod mod) {
        SmallArtifact.Gate namesModule = SmallArtifact.structural(
                mod.upstreamPath(), body -> GoModCheck.problem(body, mod.module(), mod.version()));
        return namesModule.then((body, upstream) -> switch (verifier.verifyMod(mod.module(), mod.version(), body)) {
            case Verdict.Refused refused ->
                new SmallArtifact.Admission.Refuse(new FetchResult.Failure(refused.status(), refused.reason()));
            case Verdict.Accepted accepted ->
                new SmallArtifact.Admission.Admit(HashLedger.forMod(mod.module(), mod.version(), accepted));
        });
    }

    /**
     * A query ({@code @master}, {@code @v1.2}) resolves to a canonical version; keeping that
     * answer as the version's immutable {@code .info} saves the client's next request.
     */
    private SmallArtifact.Gate queryGate(ProxyRequest.Info query) {
        SmallArtifact.Gate structural = SmallArtifact.structural(
                query.upstreamPath(), body -> InfoCheck.problem(body, query.module(), Optional.empty()));
        return structural.then((body, upstream) -> InfoCheck.version(body)
                .map(v -> key(EntryKind.INFO, query.module(), v))
                .filter(infoKey -> store.get(infoKey).isEmpty())
                .<SmallArtifact.Admission>map(infoKey -> new SmallArtifact.Admission.Admit(Map.of(infoKey, body)))
                .orElse(new SmallArtifact.Admission.Admit(Map.of())));
    }

    /** Store key: escaped path, plus {@code @escapedVersion} for per-version artifacts. */
    static EntryKey key(EntryKind kind, ModulePath module, String version) {
        String key = version.isEmpty() ? module.escaped() : module.escaped() + "@" + ModuleVersion.escape(version);
        return EntryKey.of(kind, key);
    }
}
