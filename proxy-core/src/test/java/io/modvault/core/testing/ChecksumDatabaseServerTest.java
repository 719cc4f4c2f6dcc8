package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.TileSource;
import io.modvault.sumdb.VerifiedLookup;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.testing.TestChecksumLog;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumDatabaseServerTest {

    private static final TestModule UPPER_1_0 = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final String UPPER_LOOKUP = "/lookup/example.test/!upper/!case@v1.0.0";

    @TempDir
    Path temp;

    private ChecksumDatabaseServer db;
    private SumdbVerifier verifier;
    private HttpClient client;

    @BeforeEach
    void startDatabase() {
        db = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .start();
        verifier = new SumdbVerifier(VerifierKey.parse(db.verifierKey()));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopDatabase() {
        db.close();
        client.close();
    }

    private HttpResponse<byte[]> get(String base, String rawPath) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + rawPath))
                .timeout(Duration.ofSeconds(20))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String rawPath) throws IOException, InterruptedException {
        return get(db.baseUrl(), rawPath);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Tiles read over HTTP, as an untrusted source for the verifier. */
    private TileSource tilesOver(String base) {
        return tile -> {
            try {
                HttpResponse<byte[]> response = get(base, "/" + tile.path());
                if (response.statusCode() != 200) {
                    throw new FileNotFoundException(tile.path() + ": " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    @Test
    void lookupOverHttpVerifiesAndCarriesTheModulesRealHashes() throws Exception {
        HttpResponse<byte[]> response = get(UPPER_LOOKUP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("text/plain; charset=UTF-8");
        VerifiedLookup lookup = verifier.verifyLookup(
                UPPER_1_0.path(), UPPER_1_0.version(), response.body(), Optional.empty(), tilesOver(db.baseUrl()));
        assertThat(lookup.recordId()).isZero();
        assertThat(lookup.tree().size()).isEqualTo(TestModules.catalogue().size());
        assertThat(lookup.zipHash()).contains(H1.ofZip(ModuleZips.write(UPPER_1_0, temp.resolve("upper.zip"))));
        assertThat(lookup.goModHash()).contains(H1.ofGoMod(UPPER_1_0.goMod()));
    }

    @Test
    void lookupAcceptsBangAndPercentEncodedSpellingsAndCountsThemAsOnePath() throws Exception {
        byte[] bang = get(UPPER_LOOKUP).body();
        HttpResponse<byte[]> percent = get("/lookup/example.test/%21upper/%21case@v1.0.0");

        assertThat(percent.statusCode()).isEqualTo(200);
        assertThat(percent.body()).isEqualTo(bang);
        assertThat(db.requests(UPPER_LOOKUP)).isEqualTo(2);
        assertThat(db.lookups()).containsExactly("example.test/Upper/Case@v1.0.0", "example.test/Upper/Case@v1.0.0");
    }

    @Test
    void missingRecordIs404NotFoundAndMalformedLookupIs400() throws Exception {
        HttpResponse<byte[]> missing = get("/lookup/example.test/absent@v1.0.0");
        HttpResponse<byte[]> syntax = get("/lookup/example.test/absent@master");
        HttpResponse<byte[]> escaping = get("/lookup/example.test/Upper/Case@v1.0.0");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).startsWith("not found");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(text(syntax)).isEqualTo("invalid module@version syntax\n");
        assertThat(escaping.statusCode()).isEqualTo(400);
    }

    @Test
    void servesHashAndDataTilesFullAndPartialAnd404BeyondTheTree() throws Exception {
        TestChecksumLog log = db.log();
        for (long i = log.size(); i < 300; i++) {
            log.addRecord("example.test/m" + i, "v1.0.0", "h1:" + "a".repeat(43) + "=", "h1:" + "b".repeat(43) + "=");
        }

        HttpResponse<byte[]> full = get("/tile/8/0/000");
        HttpResponse<byte[]> partial = get("/tile/8/0/001.p/44");
        HttpResponse<byte[]> level1 = get("/tile/8/1/000.p/1");
        HttpResponse<byte[]> data = get("/tile/8/data/001.p/2");

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(contentType(full)).isEqualTo("application/octet-stream");
        assertThat(full.body())
                .hasSize(256 * 32)
                .isEqualTo(log.tile("tile/8/0/000").orElseThrow());
        assertThat(partial.body())
                .hasSize(44 * 32)
                .isEqualTo(log.tile("tile/8/0/001.p/44").orElseThrow());
        assertThat(level1.body()).isEqualTo(log.treeHash(256));
        assertThat(contentType(data)).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text(data))
                .startsWith("example.test/m256 v1.0.0 h1:")
                .contains("\n\nexample.test/m257 ")
                .endsWith("\n\n");
        for (String beyond :
                new String[] {"/tile/8/0/001.p/45", "/tile/8/0/001", "/tile/8/2/000.p/1", "/tile/8/data/002.p/1"}) {
            assertThat(get(beyond).statusCode()).as(beyond).isEqualTo(404);
        }
        assertThat(get("/tile/8/0/1").statusCode()).isEqualTo(400);
    }

    @Test
    void latestIsTheSignedTreeHead() throws Exception {
        HttpResponse<byte[]> latest = get("/latest");

        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(contentType(latest)).isEqualTo("text/plain; charset=UTF-8");
        TreeHead head = verifier.verifyTreeHead(latest.body());
        assertThat(head.size()).isEqualTo(TestModules.catalogue().size());
        assertThat(head.hash()).isEqualTo(db.log().treeHash(head.size()));
    }

    @Test
    void mountedOnTheFakeUpstreamAnswersTheSupportedProbeAndStripsTheMountPrefix() throws Exception {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("proxy"), TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(tree)) {
            db.mountOn(upstream);
            String base = upstream.baseUrl() + "/sumdb/sumdb.test";

            HttpResponse<byte[]> supported = get(upstream.baseUrl(), "/sumdb/sumdb.test/supported");
            HttpResponse<byte[]> lookup = get(base, UPPER_LOOKUP);
            HttpResponse<byte[]> other = get(upstream.baseUrl(), "/sumdb/sum.golang.org/supported");

            assertThat(supported.statusCode()).isEqualTo(200);
            assertThat(lookup.statusCode()).isEqualTo(200);
            verifier.verifyLookup(
                    UPPER_1_0.path(), UPPER_1_0.version(), lookup.body(), Optional.empty(), tilesOver(base));
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(db.requestLog()).startsWith("/supported", UPPER_LOOKUP).allMatch(p -> !p.startsWith("/sumdb/"));
            assertThat(upstream.requests("/sumdb/sumdb.test/supported")).isEqualTo(1);
        }
    }

    @Test
    void forkedLogHasTheSameKeyButAnInconsistentHistory() throws Exception {
        TreeHead before = verifier.verifyTreeHead(get("/latest").body());

        TestChecksumLog fork = db.serveFork(before.size() - 1);
        fork.appendRecord("example.test/evil v1.0.0 h1:" + "e".repeat(43) + "=\n");
        fork.appendRecord("example.test/evil v1.0.1 h1:" + "f".repeat(43) + "=\n");
        TreeHead after = verifier.verifyTreeHead(get("/latest").body());

        assertThat(db.log()).isSameAs(fork);
        assertThat(after.size()).isGreaterThan(before.size());
        assertThatThrownBy(() -> verifier.verifyConsistency(before, after, tilesOver(db.baseUrl())))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK));
        assertThat(get(UPPER_LOOKUP).statusCode())
                .as("records kept by the fork")
                .isEqualTo(200);
        assertThatThrownBy(() -> db.serve(TestChecksumLog.create("sumdb.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unavailableDatabaseAnswers503UntilItIsBack() throws Exception {
        db.setAvailable(false);
        HttpResponse<byte[]> down = get(UPPER_LOOKUP);
        HttpResponse<byte[]> latestDown = get("/latest");
        db.setAvailable(true);
        HttpResponse<byte[]> up = get(UPPER_LOOKUP);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(latestDown.statusCode()).isEqualTo(503);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(db.requests(UPPER_LOOKUP)).isEqualTo(2);
    }

    @Test
    void requestLogTellsWhichModulesWereAskedAbout() throws Exception {
        get("/lookup/example.test/multi/v2@v2.0.0");
        get("/tile/8/0/000.p/10");

        assertThat(db.requestLog()).containsExactly("/lookup/example.test/multi/v2@v2.0.0", "/tile/8/0/000.p/10");
        assertThat(db.wasAskedAbout("example.test/multi")).isTrue();
        assertThat(db.wasAskedAbout("example.test/multi/v2")).isTrue();
        assertThat(db.wasAskedAbout("example.test/mu")).isFalse();
        assertThat(db.wasAskedAbout("example.test/Upper/Case")).isFalse();
        db.resetCounts();
        assertThat(db.totalRequests()).isZero();
    }

    @Test
    void forModulesRecordsTheHashesOfTheZipsTheFixturesServe() {
        TestModule legacy = TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible");

        assertThat(ChecksumDatabaseServer.zipHash(legacy))
                .isEqualTo(H1.ofZip(ModuleZips.write(legacy, temp.resolve("l.zip"))));
        assertThat(ChecksumDatabaseServer.goModHash(legacy))
                .isEqualTo(H1.ofGoMod(TestModule.synthesizedGoMod(legacy.path())));
        assertThat(new String(db.log().lookup(legacy.path(), legacy.version()).orElseThrow(), StandardCharsets.UTF_8))
                .contains(legacy.path() + " " + legacy.version() + " " + ChecksumDatabaseServer.zipHash(legacy) + "\n");
    }
}
