package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures 8, 9 and 10 of issue 7, at the level of {@link ModuleProxy}: derived tiles, proxying without verifying, cache only. */
class ChecksumDatabaseFidelityTest {
    private static final String DB = "sumdb.test";
    private static final String PREFIX = "sumdb/" + DB + "/";
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final ScriptedUpstream directDatabase = new ScriptedUpstream();
    private final List<URI> directConnections = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FetchSettings settings =
            FetchSettings.of(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private ModuleStore store;
    private TestChecksumLog log;
    private ChecksumDatabase database;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, clock);
        log = TestChecksumLog.create(DB);
        for (int i = 0; i < 300; i++) {
            log.addRecord("example.test/m" + i, "v1.0.0", "h1:" + "A".repeat(43) + "=", "h1:" + "B".repeat(43) + "=");
        }
        database = ChecksumDatabase.parse(log.verifierKey()).orElseThrow();
        upstream.answer(PREFIX + "supported", new byte[0]);
        for (String tile : List.of("tile/8/0/001.p/44", "tile/8/0/001.p/40", "tile/8/data/001.p/44", "tile/8/0/000")) {
            upstream.answer(PREFIX + tile, log.tile(tile).orElseThrow());
        }
        upstream.answer(
                PREFIX + "lookup/example.test/m1@v1.0.0",
                log.lookup("example.test/m1", "v1.0.0").orElseThrow());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ModuleProxy proxy(
            Optional<ChecksumDatabase> verified, Optional<ChecksumDatabase> proxied, boolean cacheOnly) {
        Function<URI, UpstreamClient> direct = uri -> {
            directConnections.add(uri);
            return directDatabase;
        };
        return new ModuleProxy(
                store,
                upstream,
                settings,
                clock,
                new VerificationSettings(
                        verified, PrefixPatterns.parse("example.test/private"), direct, proxied, cacheOnly));
    }

    private static FetchResult get(ModuleProxy proxy, String rest) {
        return proxy.get(new ProxyRequest.Sumdb(DB, rest));
    }

    private static byte[] body(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Content.class);
        return ((FetchResult.Content) result).body();
    }

    @Test
    void narrowerPartialTileIsServedFromWiderCachedTileWithoutAskingTheDatabase() {
        ModuleProxy proxy = proxy(Optional.of(database), Optional.of(database), false);
        assertThat(body(get(proxy, "tile/8/0/001.p/44")))
                .isEqualTo(log.tile("tile/8/0/001.p/44").orElseThrow());

        FetchResult narrower = get(proxy, "tile/8/0/001.p/40");
        assertThat(body(narrower)).isEqualTo(log.tile("tile/8/0/001.p/40").orElseThrow());
        assertThat(narrower.outcome()).isEqualTo(CacheOutcome.HIT);
        assertThat(upstream.requests(PREFIX + "tile/8/0/001.p/40"))
                .as("a request saved")
                .isZero();
    }

    @Test
    void narrowerPartialTileIsServedFromWiderCachedTileWhileTheDatabaseIsDown() {
        ModuleProxy proxy = proxy(Optional.of(database), Optional.of(database), false);
        body(get(proxy, "tile/8/0/001.p/44"));
        body(get(proxy, "tile/8/data/001.p/44"));
        body(get(proxy, "tile/8/0/000"));
        upstream.fail(PREFIX + "tile/8/0/001.p/41", "connection refused", false);
        upstream.fail(PREFIX + "tile/8/0/001", "connection refused", false);

        assertThat(body(get(proxy, "tile/8/0/001.p/41")))
                .isEqualTo(log.tile("tile/8/0/001.p/41").orElseThrow());
        assertThat(body(get(proxy, "tile/8/data/001.p/3")))
                .isEqualTo(log.tile("tile/8/data/001.p/3").orElseThrow());
        assertThat(body(get(proxy, "tile/8/0/000.p/200")))
                .isEqualTo(log.tile("tile/8/0/000.p/200").orElseThrow());
        assertThat(get(proxy, "tile/8/0/001").outcome())
                .as("a wider tile is never made up")
                .isNotEqualTo(CacheOutcome.HIT);
    }

    @Test
    void sumdbProxiedToClientsWhenOwnVerificationIsOff() {
        ModuleProxy proxy = proxy(Optional.empty(), Optional.of(database), false);
        FetchResult supported = get(proxy, "supported");
        assertThat(supported).isInstanceOf(FetchResult.Content.class);
        assertThat(body(get(proxy, "lookup/example.test/m1@v1.0.0")))
                .isEqualTo(log.lookup("example.test/m1", "v1.0.0").orElseThrow());
        assertThat(body(get(proxy, "tile/8/0/000")))
                .isEqualTo(log.tile("tile/8/0/000").orElseThrow());

        FetchResult privateLookup = get(proxy, "lookup/example.test/private/x@v1.0.0");
        assertThat(privateLookup).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
            assertThat(f.status()).isEqualTo(403);
            assertThat(f.reason()).contains("GONOSUMDB");
        });
        assertThat(upstream.requests(PREFIX + "lookup/example.test/private/x@v1.0.0"))
                .isZero();
        assertThat(proxy.get(new ProxyRequest.Sumdb("other.test", "supported")))
                .isInstanceOf(FetchResult.NotFound.class);
    }

    @Test
    void sumdbIsNotServedWhenItsProxyingIsSwitchedOff() {
        ModuleProxy proxy = proxy(Optional.of(database), Optional.empty(), false);
        assertThat(get(proxy, "supported"))
                .isInstanceOfSatisfying(
                        FetchResult.NotFound.class,
                        notFound -> assertThat(notFound.reason()).contains("not proxied"));
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void goproxyOffServesChecksumDatabaseFromCacheOnly() {
        ModuleProxy online = proxy(Optional.of(database), Optional.of(database), false);
        body(get(online, "lookup/example.test/m1@v1.0.0"));
        body(get(online, "tile/8/0/001.p/44"));
        int before = upstream.totalRequests();

        ModuleProxy offline = proxy(Optional.of(database), Optional.of(database), true);
        assertThat(body(get(offline, "lookup/example.test/m1@v1.0.0")))
                .isEqualTo(log.lookup("example.test/m1", "v1.0.0").orElseThrow());
        assertThat(body(get(offline, "tile/8/0/001.p/44")))
                .isEqualTo(log.tile("tile/8/0/001.p/44").orElseThrow());
        assertThat(body(get(offline, "tile/8/0/001.p/12")))
                .isEqualTo(log.tile("tile/8/0/001.p/12").orElseThrow());
        FetchResult uncached = get(offline, "lookup/example.test/m2@v1.0.0");
        assertThat(uncached)
                .isInstanceOfSatisfying(
                        FetchResult.NotFound.class,
                        notFound -> assertThat(notFound.reason())
                                .contains("not cached")
                                .contains("GOPROXY=off")
                                .doesNotContain("\n"));
        assertThat(get(offline, "tile/8/0/000")).isInstanceOf(FetchResult.NotFound.class);
        assertThat(get(offline, "latest")).isInstanceOf(FetchResult.NotFound.class);

        assertThat(upstream.totalRequests())
                .as("no upstream request with GOPROXY=off")
                .isEqualTo(before);
        assertThat(directConnections)
                .as("no direct connection to the database either")
                .isEmpty();
        assertThat(directDatabase.totalRequests()).isZero();
    }

    @Test
    void goproxyOffNeverContactsAnExplicitDatabaseUrlEither() {
        ChecksumDatabase withUrl = ChecksumDatabase.parse(log.verifierKey() + " https://sumdb.example")
                .orElseThrow();
        ModuleProxy offline = proxy(Optional.of(withUrl), Optional.of(withUrl), true);
        assertThat(get(offline, "lookup/example.test/m1@v1.0.0")).isInstanceOf(FetchResult.NotFound.class);
        assertThat(directConnections).isEmpty();
        assertThat(upstream.totalRequests()).isZero();
        assertThat(get(offline, "supported"))
                .as("clients still route their checksum requests here")
                .isInstanceOf(FetchResult.Content.class);
        assertThat(new String(body(get(offline, "supported")), StandardCharsets.UTF_8))
                .isEmpty();
    }
}
