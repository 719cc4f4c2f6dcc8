package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.sumdb.testing.TestChecksumLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test checksum database judged by the real go command: reached through the fake upstream
 * ({@code GOPROXY}) with {@code GOSUMDB} set to its key, the go command checks its signed heads,
 * tiles and records itself, so a download that succeeds proves the fixture serves the protocol.
 */
class ChecksumDatabaseWithRealGoIT {

    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule NOMOD = TestModules.get(TestModules.NOMOD, "v1.0.0");
    private static final TestModule PSEUDO = TestModules.get(TestModules.PSEUDO, TestModules.PSEUDO_VERSION);

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer db;
    private Path work;
    private GoCommand go;

    @BeforeEach
    void setUp() throws IOException {
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("proxy"), TestModules.catalogue()));
        db = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        work = Files.createDirectories(temp.resolve("work"));
        go = GoCommand.create(temp.resolve("go")).withProxy(upstream.baseUrl()).withSumdb(db.verifierKey());
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    @Test
    void goDownloadsACatalogueModuleVerifiedByTheDatabaseThroughTheProxy() {
        GoResult result =
                go.run(work, "mod", "download", "-json", UPPER.coordinate()).requireSuccess();

        assertThat(result.stdout())
                .contains(
                        "\"Sum\": \"" + ChecksumDatabaseServer.zipHash(UPPER) + "\"",
                        "\"GoModSum\": \"" + ChecksumDatabaseServer.goModHash(UPPER) + "\"");
        assertThat(upstream.requests(db.mountPrefix() + "supported")).isPositive();
        assertThat(db.lookups()).containsExactly(UPPER.coordinate());
        assertThat(db.requestLog()).anyMatch(p -> p.startsWith("/tile/8/0/"));
        Path cachedHead = temp.resolve("go/gopath/pkg/sumdb/sumdb.test/latest");
        assertThat(cachedHead)
                .content()
                .contains("go.sum database tree\n" + TestModules.catalogue().size() + "\n");
    }

    @Test
    void goRejectsATamperedZipWithAChecksumMismatchAgainstTheDatabase() {
        TestModule tampered = TestModule.of(
                NOMOD.path(),
                NOMOD.version(),
                NOMOD.time(),
                Map.of("nomod.go", "package nomod\n\nfunc Name() string { return \"tampered\" }\n"));
        upstream.on(GoProxyTree.zipPath(NOMOD), Reply.tampered(ModuleZips.bytes(tampered)));

        GoResult result = go.run(work, "mod", "download", NOMOD.coordinate());

        assertThat(result.succeeded()).as(result.describe()).isFalse();
        assertThat(result.stderr())
                .contains(
                        NOMOD.coordinate() + ": verifying module: checksum mismatch",
                        "downloaded: " + ChecksumDatabaseServer.zipHash(tampered),
                        "sumdb.test: " + ChecksumDatabaseServer.zipHash(NOMOD),
                        "SECURITY ERROR");
        assertThat(go.modCache().resolve("example.test/nomod@v1.0.0")).doesNotExist();
    }

    @Test
    void privateModulesAreNeverLookedUp() {
        go.withNoSumdb("example.test/nomod")
                .run(work, "mod", "download", NOMOD.coordinate())
                .requireSuccess();
        go.run(work, "mod", "download", UPPER.coordinate()).requireSuccess();

        assertThat(db.wasAskedAbout(NOMOD.path())).isFalse();
        assertThat(db.wasAskedAbout(UPPER.path())).isTrue();
    }

    @Test
    void goDetectsAForkedLogServedUnderTheSameKey() {
        go.run(work, "mod", "download", UPPER.coordinate()).requireSuccess();
        long seen = db.log().size();
        TestChecksumLog fork = db.serveFork(seen - 1);
        fork.appendRecord("example.test/evil v1.0.0 h1:" + "e".repeat(43) + "=\n");
        fork.addRecord(
                PSEUDO.path(),
                PSEUDO.version(),
                ChecksumDatabaseServer.zipHash(PSEUDO),
                ChecksumDatabaseServer.goModHash(PSEUDO));

        GoResult result = go.run(work, "mod", "download", PSEUDO.coordinate());

        assertThat(result.succeeded()).as(result.describe()).isFalse();
        assertThat(result.stderr()).contains("SECURITY ERROR", "go.sum database server misbehavior detected");
    }

    @Test
    void goFailsWhileTheDatabaseIsUnavailableAndSucceedsAfterwards() {
        db.setAvailable(false);
        GoResult down = go.run(work, "mod", "download", NOMOD.coordinate());
        db.setAvailable(true);
        GoResult up = go.run(work, "mod", "download", NOMOD.coordinate());

        assertThat(down.succeeded()).as(down.describe()).isFalse();
        assertThat(down.stderr()).contains("503");
        up.requireSuccess();
    }
}
