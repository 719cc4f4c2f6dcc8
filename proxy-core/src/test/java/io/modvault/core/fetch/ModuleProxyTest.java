package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.testing.HostileZips;
import io.modvault.core.upstream.UpstreamResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ModuleProxyTest {
    private static final ModulePath MODULE = ModulePath.of("example.test/m");
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private ModuleStore store;
    private ModuleProxy proxy;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, clock);
        proxy = new ModuleProxy(
                store,
                upstream,
                FetchSettings.of(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10)),
                clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void servesImmutableModFromStoreWithoutAskingUpstreamAgain() {
        upstream.answer("example.test/m/@v/v1.0.0.mod", utf8("module example.test/m\n"));
        ProxyRequest mod = new ProxyRequest.Mod(MODULE, "v1.0.0");
        assertThat(proxy.get(mod).outcome()).isEqualTo(CacheOutcome.MISS);
        clock.advance(Duration.ofDays(400));
        upstream.fail("example.test/m/@v/v1.0.0.mod", "down", false);
        FetchResult again = proxy.get(mod);
        assertThat(again.outcome()).isEqualTo(CacheOutcome.HIT);
        assertThat(((FetchResult.Content) again).body()).isEqualTo(utf8("module example.test/m\n"));
        assertThat(upstream.requests("example.test/m/@v/v1.0.0.mod")).isEqualTo(1);
    }

    @Test
    void refreshesListOnlyAfterItsTtl() {
        upstream.answer("example.test/m/@v/list", utf8("v1.0.0\n"));
        ProxyRequest list = new ProxyRequest.ListVersions(MODULE);
        proxy.get(list);
        clock.advance(Duration.ofSeconds(59));
        assertThat(proxy.get(list).outcome()).isEqualTo(CacheOutcome.HIT);
        upstream.answer("example.test/m/@v/list", utf8("v1.0.0\nv1.1.0\n"));
        clock.advance(Duration.ofSeconds(2));
        FetchResult refreshed = proxy.get(list);
        assertThat(refreshed.outcome()).isEqualTo(CacheOutcome.MISS);
        assertThat(((FetchResult.Content) refreshed).body()).isEqualTo(utf8("v1.0.0\nv1.1.0\n"));
        assertThat(upstream.requests("example.test/m/@v/list")).isEqualTo(2);
    }

    @Test
    void servesStaleListWhenUpstreamFails() {
        upstream.answer("example.test/m/@v/list", utf8("v1.0.0\n"));
        ProxyRequest list = new ProxyRequest.ListVersions(MODULE);
        proxy.get(list);
        clock.advance(Duration.ofMinutes(5));
        upstream.fail("example.test/m/@v/list", "500 Internal Server Error", false);
        FetchResult stale = proxy.get(list);
        assertThat(stale.outcome()).isEqualTo(CacheOutcome.STALE);
        assertThat(((FetchResult.Content) stale).staleBecause())
                .contains(ScriptedUpstream.NAME)
                .contains("500");
        assertThat(((FetchResult.Content) stale).body()).isEqualTo(utf8("v1.0.0\n"));
    }

    @Test
    void remembersNotFoundForTheNegativeTtl() {
        ProxyRequest info = new ProxyRequest.Info(MODULE, "v9.9.9", false);
        assertThat(proxy.get(info)).isInstanceOf(FetchResult.NotFound.class);
        FetchResult remembered = proxy.get(info);
        assertThat(remembered)
                .isEqualTo(new FetchResult.NotFound("not found: example.test/m/@v/v9.9.9.info", CacheOutcome.NEGATIVE));
        clock.advance(Duration.ofSeconds(11));
        assertThat(proxy.get(info).outcome()).isEqualTo(CacheOutcome.MISS);
        assertThat(upstream.requests("example.test/m/@v/v9.9.9.info")).isEqualTo(2);
    }

    @Test
    void upstream403IsPassedThroughAndRememberedForTheNegativeTtl() {
        upstream.refuse("example.test/@v/list", 403, "forbidden by corporate policy");
        ProxyRequest list = new ProxyRequest.ListVersions(ModulePath.of("example.test"));

        FetchResult first = proxy.get(list);
        FetchResult remembered = proxy.get(list);

        String reason = "fetching example.test/@v/list from upstream " + ScriptedUpstream.NAME
                + ": 403 forbidden by corporate policy";
        assertThat(first).isEqualTo(new FetchResult.Refused(403, reason, CacheOutcome.MISS));
        assertThat(remembered).isEqualTo(new FetchResult.Refused(403, reason, CacheOutcome.NEGATIVE));
        assertThat(upstream.requests("example.test/@v/list")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(proxy.get(list).outcome()).isEqualTo(CacheOutcome.MISS);
        assertThat(upstream.requests("example.test/@v/list")).isEqualTo(2);
    }

    @Test
    void upstream400ForAZipIsPassedThroughRememberedAndNothingIsStored() {
        upstream.refuse("example.test/m/@v/v1.0.0.zip", 400, "Bad Request");
        ProxyRequest zip = new ProxyRequest.Zip(MODULE, "v1.0.0");

        FetchResult first = proxy.get(zip);
        FetchResult remembered = proxy.get(zip);

        assertThat(first).isInstanceOf(FetchResult.Refused.class);
        assertThat(((FetchResult.Refused) first).status()).isEqualTo(400);
        assertThat(((FetchResult.Refused) first).reason())
                .contains(ScriptedUpstream.NAME)
                .contains("400 Bad Request");
        assertThat(remembered.outcome()).isEqualTo(CacheOutcome.NEGATIVE);
        assertThat(upstream.requests("example.test/m/@v/v1.0.0.zip")).isEqualTo(1);
        assertThat(store.blob(ModuleProxy.key(EntryKind.ZIP, MODULE, "v1.0.0"))).isEmpty();
    }

    @Test
    void answersUpstreamTimeoutWith504AndOtherFailuresWith502NamingTheUpstream() {
        upstream.fail("example.test/m/@v/v1.0.0.mod", "read timed out", true);
        upstream.fail("example.test/m/@v/v1.0.0.zip", "500 Internal Server Error", false);
        FetchResult.Failure timeout = (FetchResult.Failure) proxy.get(new ProxyRequest.Mod(MODULE, "v1.0.0"));
        FetchResult.Failure failure = (FetchResult.Failure) proxy.get(new ProxyRequest.Zip(MODULE, "v1.0.0"));
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.reason()).contains(ScriptedUpstream.NAME).contains("500");
        assertThat(store.get(ModuleProxy.key(EntryKind.MOD, MODULE, "v1.0.0"))).isEmpty();
    }

    @Test
    void refusesInfoForAnotherVersionAndStoresNothing() {
        upstream.answer("example.test/m/@v/v1.0.0.info", utf8("{\"Version\":\"v1.0.1\"}"));
        FetchResult.Failure refused = (FetchResult.Failure) proxy.get(new ProxyRequest.Info(MODULE, "v1.0.0", true));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.reason()).contains("instead of requested version v1.0.0");
        assertThat(store.get(ModuleProxy.key(EntryKind.INFO, MODULE, "v1.0.0"))).isEmpty();
    }

    @Test
    void keepsTheCanonicalInfoAQueryResolvedTo() {
        byte[] info = utf8("{\"Version\":\"v1.2.0\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        upstream.answer("example.test/m/@v/master.info", info);
        proxy.get(new ProxyRequest.Info(MODULE, "master", false));
        FetchResult canonical = proxy.get(new ProxyRequest.Info(MODULE, "v1.2.0", true));
        assertThat(canonical.outcome()).isEqualTo(CacheOutcome.HIT);
        assertThat(upstream.requests("example.test/m/@v/v1.2.0.info")).isZero();
    }

    @Test
    void sharesOneUpstreamFetchBetweenFiftyConcurrentColdZipRequests() throws Exception {
        byte[] zip = zip("example.test/m@v1.0.0/");
        CountDownLatch release = new CountDownLatch(1);
        upstream.answer("example.test/m/@v/v1.0.0.zip", () -> {
            await(release);
            return new UpstreamResult.Found<>(ScriptedUpstream.NAME, zip);
        });
        List<Future<FetchResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> proxy.get(new ProxyRequest.Zip(MODULE, "v1.0.0"))));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<FetchResult> result : results) {
                FetchResult.Blob blob = (FetchResult.Blob) result.get();
                assertThat(Files.readAllBytes(blob.blob().file())).isEqualTo(zip);
            }
        }
        assertThat(upstream.requests("example.test/m/@v/v1.0.0.zip")).isEqualTo(1);
    }

    @Test
    void storesNothingWhenAZipDownloadFailsAndRefetchesNextTime() throws IOException {
        upstream.fail("example.test/m/@v/v1.0.0.zip", "connection reset after 512 of 4096 bytes", false);
        assertThat(proxy.get(new ProxyRequest.Zip(MODULE, "v1.0.0"))).isInstanceOf(FetchResult.Failure.class);
        assertThat(store.blob(ModuleProxy.key(EntryKind.ZIP, MODULE, "v1.0.0"))).isEmpty();
        upstream.answer("example.test/m/@v/v1.0.0.zip", zip("example.test/m@v1.0.0/"));
        assertThat(proxy.get(new ProxyRequest.Zip(MODULE, "v1.0.0")).outcome()).isEqualTo(CacheOutcome.MISS);
        assertThat(upstream.requests("example.test/m/@v/v1.0.0.zip")).isEqualTo(2);
    }

    @Test
    void refusesZipWithFilesOutsideTheModulePrefix() throws IOException {
        FetchResult.Failure refused = refusedZip(zip("example.test/other@v1.0.0/"));
        assertThat(refused.reason()).contains("example.test/other@v1.0.0/go.mod: path does not have prefix");
    }

    @Test
    void zipEntryEscapingModuleDirectoryIsRefusedAndNothingIsStored() {
        FetchResult.Failure refused = refusedZip(HostileZips.zip(List.of(
                HostileZips.Entry.stored("example.test/m@v1.0.0/go.mod", "module example.test/m\n"),
                HostileZips.Entry.stored("example.test/m@v1.0.0/../../../../evil.txt", "boo"))));
        assertThat(refused.reason())
                .contains("invalid module zip for example.test/m@v1.0.0: "
                        + "example.test/m@v1.0.0/../../../../evil.txt: file path is not clean")
                .doesNotContain("\n");
    }

    @Test
    void caseFoldCollisionIsRefusedAndNothingIsStored() {
        FetchResult.Failure refused = refusedZip(HostileZips.zip(List.of(
                HostileZips.Entry.stored("example.test/m@v1.0.0/A.go", "package m\n"),
                HostileZips.Entry.stored("example.test/m@v1.0.0/a.go", "package m\n"))));
        assertThat(refused.reason()).contains("case-insensitive file name collision");
    }

    @Test
    @Timeout(60)
    void zipBombIsRefusedWhileInflatingAndNothingIsStored() {
        FetchResult.Failure refused =
                refusedZip(HostileZips.zip(List.of(HostileZips.bomb("example.test/m@v1.0.0/bomb.txt", 1024, 1000))));
        assertThat(refused.reason()).contains("bomb.txt is larger than declared size (1000 bytes)");
    }

    @Test
    void modNamingAnotherModuleIsRefusedAndNothingIsStored() {
        upstream.answer("example.test/m/@v/v1.0.0.mod", utf8("module example.test/other\n"));
        FetchResult.Failure refused = (FetchResult.Failure) proxy.get(new ProxyRequest.Mod(MODULE, "v1.0.0"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.reason())
                .contains("invalid go.mod for example.test/m@v1.0.0: "
                        + "module declares its path as example.test/other but was requested as example.test/m");
        assertThat(store.get(ModuleProxy.key(EntryKind.MOD, MODULE, "v1.0.0"))).isEmpty();
        assertThat(store.keys(EntryKind.HASHES, "")).isEmpty();
    }

    /** Serves {@code zip} as v1.0.0's zip; the refusal it gets is a 502 that stored nothing. */
    private FetchResult.Failure refusedZip(byte[] zip) {
        upstream.answer("example.test/m/@v/v1.0.0.zip", zip);
        FetchResult.Failure refused = (FetchResult.Failure) proxy.get(new ProxyRequest.Zip(MODULE, "v1.0.0"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(store.blob(ModuleProxy.key(EntryKind.ZIP, MODULE, "v1.0.0"))).isEmpty();
        return refused;
    }

    private static byte[] zip(String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(prefix + "go.mod"));
            out.write(utf8("module example.test/m\n"));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
