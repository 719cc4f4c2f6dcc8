package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksum verification judged by the real go command: a test checksum database with its own
 * key, reached by modvault through the upstream's {@code /sumdb/} path and by the go command
 * through modvault's {@code /sumdb/} endpoints.
 */
class ChecksumVerificationIT {
    private static final TestModule PRIVATE = TestModule.of(
            "example.test/private/lib",
            "v1.0.0",
            Instant.parse("2024-05-01T00:00:00Z"),
            Map.of(
                    "go.mod",
                    "module example.test/private/lib\n\ngo 1.21\n",
                    "lib.go",
                    "package lib\n\nfunc Name() string { return \"private\" }\n"));

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault modvault;

    @BeforeEach
    void start() throws InterruptedException {
        tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        tree.add(PRIVATE);
        upstream = FakeUpstream.start(tree);
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        modvault = startModvault();
    }

    private RunningModvault startModvault() throws InterruptedException {
        return RunningModvault.start(
                temp.resolve("data"),
                upstream.baseUrl(),
                Map.of("GOSUMDB", database.verifierKey(), "GONOSUMDB", "example.test/private"));
    }

    @AfterEach
    void stop() {
        modvault.close();
        upstream.close();
    }

    private GoCommand go(String name) {
        return GoCommand.create(temp.resolve(name))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey());
    }

    @Test
    void goCommandDownloadsGetsBuildsAndVerifiesWithChecksumsFlowingThroughModvault() throws Exception {
        GoCommand go = go("go-1");
        for (TestModule module : TestModules.catalogue()) {
            go.run(temp, "mod", "download", "-json", module.coordinate()).requireSuccess();
        }
        Path project = GoProject.create(
                temp.resolve("app"), "example.test/app", Map.of("main.go", TestModules.programImportingCatalogue()));
        go.withFlags("-mod=mod").run(project, "get", "./...").requireSuccess();
        go.run(project, "build", "-o", "app", ".").requireSuccess();
        go.run(project, "mod", "verify").requireSuccess();

        String metrics = new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("kind=\"sumdb\"");
        assertThat(counter(metrics, "modvault_checksum_verified_total"))
                .isGreaterThanOrEqualTo(2 * TestModules.catalogue().size());
        assertThat(counter(metrics, "modvault_checksum_mismatches_total")).isZero();

        database.setAvailable(false);
        GoCommand offline = go("go-2");
        for (TestModule module : TestModules.catalogue()) {
            offline.run(temp, "mod", "download", "-json", module.coordinate()).requireSuccess();
        }
    }

    @Test
    void tamperedZipIsRefusedNeverStoredAndTheGoCommandShowsModvaultsMessage() throws Exception {
        TestModule honest = TestModules.get(TestModules.UPPER, "v1.1.0");
        TestModule evil = new TestModule(
                honest.path(),
                honest.version(),
                honest.goMod(),
                withExtraFile(honest.files(), "backdoor.go", "package upper\n\nfunc init() {}\n"),
                honest.time());
        String zip = GoProxyTree.zipPath(honest);
        upstream.on(zip, Reply.tampered(ModuleZips.bytes(evil)));

        GoResult result = go("go").run(temp, "mod", "download", "-json", honest.coordinate());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout() + result.stderr())
                .contains("SECURITY")
                .contains("checksum mismatch")
                .contains("example.test/Upper/Case@v1.1.0")
                .contains(ChecksumDatabaseServer.zipHash(honest));
        HttpResponse<byte[]> again = modvault.get("/" + zip);
        assertThat(again.statusCode()).isEqualTo(502);
        assertThat(upstream.requests(zip))
                .as("refused zips are not stored, so each request refetches")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void tamperedGoModIsRefused() throws Exception {
        TestModule honest = TestModules.get(TestModules.MULTI_V2, "v2.1.0");
        String mod = GoProxyTree.modPath(honest);
        upstream.on(
                mod,
                Reply.tampered("module example.test/multi/v2\n\nrequire evil.example/x v1.0.0\n"
                        .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> refused = modvault.get("/" + mod);
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .contains("example.test/multi/v2@v2.1.0")
                .contains(ChecksumDatabaseServer.goModHash(honest))
                .contains("go.mod");
    }

    @Test
    void forkedDatabaseIsDetectedAlsoAfterARestart() throws Exception {
        assertThat(modvault.get("/" + GoProxyTree.modPath(TestModules.get(TestModules.UPPER, "v1.0.0")))
                        .statusCode())
                .isEqualTo(200);
        database.serveFork(3);
        for (int i = 0; i < 12; i++) {
            database.log()
                    .addRecord(
                            "example.test/filler" + i,
                            "v1.0.0",
                            "h1:" + "A".repeat(43) + "=",
                            "h1:" + "B".repeat(43) + "=");
        }
        TestModule next = TestModules.get(TestModules.NOMOD, "v1.0.0");
        database.add(next);
        HttpResponse<byte[]> refused = modvault.get("/" + GoProxyTree.modPath(next));
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).startsWith("SECURITY ERROR");

        modvault.close();
        modvault = startModvault();
        HttpResponse<byte[]> afterRestart = modvault.get("/" + GoProxyTree.zipPath(next));
        assertThat(afterRestart.statusCode()).isEqualTo(502);
        assertThat(new String(afterRestart.body(), StandardCharsets.UTF_8)).startsWith("SECURITY ERROR");
    }

    @Test
    void supportedIsAnsweredLocallyWithoutAnyUpstreamRequest() throws Exception {
        assertThat(modvault.get("/sumdb/sumdb.test/supported").statusCode()).isEqualTo(200);
        assertThat(modvault.get("/sumdb/sum.golang.org/supported").statusCode()).isEqualTo(404);
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void privateModulesAreNeverNamedToTheChecksumDatabase() throws Exception {
        HttpResponse<byte[]> lookup = modvault.get("/sumdb/sumdb.test/lookup/example.test/private/lib@v1.0.0");
        assertThat(lookup.statusCode()).isEqualTo(403);
        assertThat(new String(lookup.body(), StandardCharsets.UTF_8)).contains("GONOSUMDB");
        assertThat(modvault.get("/" + GoProxyTree.modPath(PRIVATE)).statusCode())
                .isEqualTo(200);
        assertThat(modvault.get("/" + GoProxyTree.zipPath(PRIVATE)).statusCode())
                .isEqualTo(200);
        assertThat(upstream.requestLog()).noneMatch(path -> path.startsWith("/sumdb/") && path.contains("private"));
        assertThat(database.wasAskedAbout("example.test/private")).isFalse();
    }

    private static Map<String, byte[]> withExtraFile(Map<String, byte[]> files, String name, String content) {
        Map<String, byte[]> copy = new HashMap<>(files);
        copy.put(name, content.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static double counter(String metrics, String name) {
        List<String> lines = metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .toList();
        return lines.stream()
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
