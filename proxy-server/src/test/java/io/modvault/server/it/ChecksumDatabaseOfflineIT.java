package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures 8, 9 and 10 of issue 7, judged by the real go command: the checksum database served
 * by modvault while the database is down, while modvault itself does not verify, and with
 * {@code GOPROXY=off}.
 */
class ChecksumDatabaseOfflineIT {
    private static final TestModule FIRST = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule LATE =
            TestModules.simple("example.test/late/lib", "v1.0.0", Instant.parse("2024-06-01T00:00:00Z"), "lib", true);

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private RunningModvault modvault;

    @BeforeEach
    void start() {
        tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        tree.add(LATE);
        upstream = FakeUpstream.start(tree);
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    private GoCommand go(String name, String gosumdb) {
        return GoCommand.create(temp.resolve(name))
                .withProxy(modvault.baseUrl())
                .withSumdb(gosumdb);
    }

    /**
     * A lookup cached while the log had N records carries a tree head of size N; a fresh client
     * that starts from it asks for {@code tile/8/0/000.p/N}, while modvault (and every earlier
     * client) only ever read the tile at the newer width.
     */
    @Test
    void narrowerPartialTileIsServedFromWiderCachedTile() throws Exception {
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        modvault = RunningModvault.start(
                temp.resolve("data"), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        long oldSize = database.log().size();
        String lookup = "/sumdb/sumdb.test/lookup/example.test/!upper/!case@v1.0.0";
        assertThat(modvault.get(lookup).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            database.log()
                    .addRecord(
                            "example.test/filler" + i,
                            "v1.0.0",
                            "h1:" + "A".repeat(43) + "=",
                            "h1:" + "B".repeat(43) + "=");
        }
        database.add(LATE);
        long newSize = database.log().size();
        GoCommand first = go("go-1", database.verifierKey());
        first.run(temp, "mod", "download", "-json", LATE.coordinate()).requireSuccess();
        first.run(temp, "mod", "download", "-json", FIRST.coordinate()).requireSuccess();
        String narrow = "/tile/8/0/000.p/" + oldSize;
        assertThat(database.requests("/tile/8/0/000.p/" + newSize)).isPositive();
        assertThat(database.requests(narrow))
                .as("nobody has read the narrow tile yet")
                .isZero();

        database.setAvailable(false);
        GoResult fresh = go("go-2", database.verifierKey()).run(temp, "mod", "download", "-json", FIRST.coordinate());
        assertThat(fresh.succeeded()).as(fresh.describe()).isTrue();
        HttpResponse<byte[]> tile = modvault.get("/sumdb/sumdb.test" + narrow);
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.body())
                .isEqualTo(database.log().tile(narrow.substring(1)).orElseThrow());
        assertThat(database.requests(narrow))
                .as("the narrow tile never cost a database request")
                .isZero();
        assertThat(database.requests("/tile/8/0/000")).isZero();
    }

    @Test
    void sumdbProxiedToClientsWhenOwnVerificationIsOff() throws Exception {
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sum.golang.org", TestModules.catalogue())
                .mountOn(upstream);
        modvault = RunningModvault.start(
                temp.resolve("data"), upstream.baseUrl(), Map.of("GOSUMDB", "off", "MODVAULT_SUMDB_PROXY", "on"));
        assertThat(modvault.get("/sumdb/sum.golang.org/supported").statusCode()).isEqualTo(200);

        go("go", database.verifierKey())
                .run(temp, "mod", "download", "-json", FIRST.coordinate())
                .requireSuccess();
        assertThat(database.lookups()).containsExactly(FIRST.coordinate());
        assertThat(upstream.requestLog())
                .as("lookups and tiles reached the database through the upstream")
                .anyMatch(path -> path.startsWith("/sumdb/sum.golang.org/lookup/"))
                .anyMatch(path -> path.startsWith("/sumdb/sum.golang.org/tile/"));

        modvault.close();
        modvault = RunningModvault.start(
                temp.resolve("data"), upstream.baseUrl(), Map.of("GOSUMDB", "off", "MODVAULT_SUMDB_PROXY", "off"));
        HttpResponse<byte[]> off = modvault.get("/sumdb/sum.golang.org/supported");
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(new String(off.body(), StandardCharsets.UTF_8)).contains("not proxied");
    }

    @Test
    void privateLookupsAreRefusedWhileTheDefaultDatabaseIsProxiedForClients() throws Exception {
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sum.golang.org", TestModules.catalogue())
                .mountOn(upstream);
        modvault = RunningModvault.start(
                temp.resolve("data"),
                upstream.baseUrl(),
                Map.of("GOSUMDB", "off", "GOPRIVATE", "example.test/private", "MODVAULT_SUMDB_PROXY", "on"));
        HttpResponse<byte[]> refused = modvault.get("/sumdb/sum.golang.org/lookup/example.test/private/x@v1.0.0");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(database.wasAskedAbout("example.test/private")).isFalse();
    }

    @Test
    void goproxyOffServesChecksumDatabaseFromCacheOnly() throws Exception {
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .start();
        try {
            String gosumdb = database.verifierKey() + " " + database.baseUrl();
            modvault = RunningModvault.start(temp.resolve("data"), upstream.baseUrl(), Map.of("GOSUMDB", gosumdb));
            go("go-1", database.verifierKey())
                    .run(temp, "mod", "download", "-json", FIRST.coordinate())
                    .requireSuccess();
            modvault.close();
            int databaseRequests = database.totalRequests();
            int upstreamRequests = upstream.totalRequests();

            modvault = RunningModvault.start(temp.resolve("data"), "off", Map.of("GOSUMDB", gosumdb));
            go("go-2", database.verifierKey())
                    .run(temp, "mod", "download", "-json", FIRST.coordinate())
                    .requireSuccess();
            TestModule uncached = TestModules.get(TestModules.NOMOD, "v1.0.0");
            HttpResponse<byte[]> lookup =
                    modvault.get("/sumdb/sumdb.test/lookup/" + uncached.path() + "@" + uncached.version());
            assertThat(lookup.statusCode()).isEqualTo(404);
            assertThat(new String(lookup.body(), StandardCharsets.UTF_8).strip())
                    .contains("GOPROXY=off")
                    .contains("not cached")
                    .doesNotContain("\n");
            assertThat(modvault.get("/sumdb/sumdb.test/tile/8/1/000.p/1").statusCode())
                    .isEqualTo(404);

            assertThat(database.totalRequests())
                    .as("no request to the checksum database")
                    .isEqualTo(databaseRequests);
            assertThat(upstream.totalRequests())
                    .as("no request to the former upstream")
                    .isEqualTo(upstreamRequests);
        } finally {
            database.close();
        }
    }
}
