package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.PrewarmCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modvault prewarm} against a data directory and against a running server, with a fake
 * upstream and a test checksum database; the real go command judges the prewarmed cache with the
 * upstream (and so the database) stopped and its own GOSUMDB on.
 */
class PrewarmIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule MULTI = TestModules.get(TestModules.MULTI_V2, "v2.0.0");
    private static final TestModule LEGACY = TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible");
    private static final TestModule PRE_LATEST = TestModules.expectedLatest(TestModules.PRE);
    private static final String[] INPUTS = {
        UPPER.coordinate(), MULTI.coordinate(), LEGACY.coordinate(), TestModules.PRE + "@latest"
    };

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault modvault;

    @BeforeEach
    void start() {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    private Path data() {
        return temp.resolve("data");
    }

    private PrewarmCommands.Run prewarm(String... args) {
        return prewarm("", Duration.ofSeconds(5), args);
    }

    private PrewarmCommands.Run prewarm(String stdin, Duration progressInterval, String... args) {
        Map<String, String> env = Map.of(
                "MODVAULT_DATA_DIR",
                data().toString(),
                "GOPROXY",
                upstream.baseUrl(),
                "GOSUMDB",
                database.verifierKey(),
                "MODVAULT_UPSTREAM_TIMEOUT",
                "5s");
        return PrewarmCommands.run(env, stdin, progressInterval, args);
    }

    @Test
    void prewarmedDataDirServesTheGoCommandWithTheUpstreamStopped() throws Exception {
        PrewarmCommands.Run run = prewarm(INPUTS);
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("prewarm: 4 items: 4 fetched, 0 already present, 0 failed");
        assertThat(database.lookups())
                .contains(UPPER.coordinate(), MULTI.coordinate(), LEGACY.coordinate(), PRE_LATEST.coordinate());

        upstream.stop();
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        GoCommand go = GoCommand.create(temp.resolve("go"))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey());
        List<String> download = new ArrayList<>(List.of("mod", "download", "-json"));
        download.addAll(List.of(UPPER.coordinate(), MULTI.coordinate(), LEGACY.coordinate(), PRE_LATEST.coordinate()));
        GoResult result = go.run(temp, download.toArray(String[]::new));
        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void secondRunIsANoOpWithoutUpstreamRequests() {
        assertThat(prewarm(INPUTS).exit()).isZero();
        upstream.resetCounts();
        database.resetCounts();
        PrewarmCommands.Run again = prewarm(INPUTS);
        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).contains("prewarm: 4 items: 0 fetched, 4 already present, 0 failed; 0 B fetched");
        assertThat(upstream.requestLog()).isEmpty();
        assertThat(database.totalRequests()).isZero();
    }

    @Test
    void missingVersionExitsOneNamingIt() {
        PrewarmCommands.Run run = prewarm(UPPER.coordinate(), "example.test/nomod@v1.9.9");
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAILED example.test/nomod@v1.9.9: .info: ")
                .contains("prewarm: 2 items: 1 fetched, 0 already present, 1 failed");
        assertThat(upstream.requests(GoProxyTree.artifactPath("example.test/nomod", "v1.9.9", "info")))
                .as("a 404 is an answer, not retried")
                .isEqualTo(1);
    }

    @Test
    void transientUpstreamErrorsAreRetried() {
        upstream.on(GoProxyTree.zipPath(UPPER), Reply.status(503, "restarting"), 2);
        PrewarmCommands.Run run = prewarm(UPPER.coordinate());
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(upstream.requests(GoProxyTree.zipPath(UPPER))).isEqualTo(3);
    }

    @Test
    void lockedStoreExitsTwoPointingAtServerModeWhichThenWorks() throws Exception {
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        PrewarmCommands.Run locked = prewarm(INPUTS);
        assertThat(locked.exit()).isEqualTo(2);
        assertThat(locked.err().strip()).doesNotContain("\n").contains("locked").contains("--server URL");

        PrewarmCommands.Run served =
                prewarm("--server", modvault.baseUrl(), INPUTS[0], INPUTS[1], INPUTS[2], INPUTS[3]);
        assertThat(served.exit()).as(served.describe()).isZero();
        assertThat(served.out()).contains("prewarm: 4 items: 4 fetched, 0 already present, 0 failed");
        assertThat(upstream.requests(GoProxyTree.zipPath(UPPER))).isEqualTo(1);
        assertThat(modvault.get("/" + GoProxyTree.zipPath(UPPER)).headers().firstValue("X-Modvault-Cache"))
                .contains("HIT");

        PrewarmCommands.Run again = prewarm("--server", modvault.baseUrl(), INPUTS[0], INPUTS[1], INPUTS[2], INPUTS[3]);
        assertThat(again.out()).as(again.describe()).contains("0 fetched, 4 already present, 0 failed");
        PrewarmCommands.Run missing = prewarm("--server", modvault.baseUrl(), "example.test/nomod@v1.9.9");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("FAILED example.test/nomod@v1.9.9: .info: 404 from " + modvault.baseUrl());
    }

    @Test
    void plainProgressLinesSummaryAndJsonReport() throws Exception {
        upstream.on(GoProxyTree.zipPath(UPPER), Reply.serve().delayHeaders(Duration.ofMillis(800)));
        Path report = temp.resolve("report.json");
        String stdin = "# from a pipeline\n" + UPPER.coordinate() + "\n\n" + TestModules.PRE + "@latest\n";
        PrewarmCommands.Run run =
                prewarm(stdin, Duration.ofMillis(100), "--json", report.toString(), "-", "example.test/nomod@v1.9.9");
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.startsWith("prewarm: ")))
                .isNotEmpty()
                .allMatch(
                        line -> line.matches(
                                "prewarm: \\d/3 items, \\d+(\\.\\d)? (B|KiB), \\d+(\\.\\d)? (B|KiB)/s, ETA .+"),
                        "a progress line");
        List<String> summary = run.out().lines().toList();
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0)).startsWith("FAILED example.test/nomod@v1.9.9: .info: ");
        assertThat(summary.get(1))
                .matches("prewarm: 3 items: 2 fetched, 0 already present, 1 failed; .+ fetched \\(.+ in all\\) in .+");

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("items")).hasSize(3);
        assertThat(json.at("/items/0/item").asText()).isEqualTo(UPPER.coordinate());
        assertThat(json.at("/items/0/status").asText()).isEqualTo("fetched");
        assertThat(json.at("/items/0/bytes").asLong()).isPositive();
        assertThat(json.at("/items/1/item").asText()).isEqualTo(PRE_LATEST.coordinate());
        assertThat(json.at("/items/1/origin").asText()).isEqualTo(TestModules.PRE + "@latest");
        assertThat(json.at("/items/2/status").asText()).isEqualTo("failed");
        assertThat(json.at("/items/2/reason").asText()).startsWith(".info: ");
        assertThat(json.at("/totals/fetched").asInt()).isEqualTo(2);
        assertThat(json.at("/totals/failed").asInt()).isEqualTo(1);
        assertThat(json.get("interrupted").asBoolean()).isFalse();
    }

    /** A project requiring UPPER, MULTI and LEGACY, with the go.sum the go command would write for it. */
    private Path project(String zipHashOfMulti) throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(
                project.resolve("go.mod"),
                "module example.test/project\n\ngo 1.21\n\nrequire (\n"
                        + "\t" + UPPER.path() + " " + UPPER.version() + "\n"
                        + "\t" + MULTI.path() + " " + MULTI.version() + "\n"
                        + "\t" + LEGACY.path() + " " + LEGACY.version() + "\n)\n");
        StringBuilder goSum = new StringBuilder();
        for (TestModule module : List.of(UPPER, MULTI, LEGACY)) {
            String zipHash = module == MULTI ? zipHashOfMulti : ChecksumDatabaseServer.zipHash(module);
            goSum.append(module.path()).append(' ').append(module.version()).append(' ');
            goSum.append(zipHash).append('\n');
            goSum.append(module.path()).append(' ').append(module.version()).append("/go.mod ");
            goSum.append(ChecksumDatabaseServer.goModHash(module)).append('\n');
        }
        Files.writeString(project.resolve("go.sum"), goSum);
        return project;
    }

    @Test
    void aProjectDirectoryPrewarmedFromItsGoSumServesGoModDownloadWithTheUpstreamStopped() throws Exception {
        Path project = project(ChecksumDatabaseServer.zipHash(MULTI));
        PrewarmCommands.Run run = prewarm(project.toString());
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("prewarm: 3 items: 3 fetched, 0 already present, 0 failed");
        assertThat(run.err())
                .as("the project's go.mod adds its graph, the same three versions")
                .doesNotContain("skipped");

        upstream.stop();
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        GoCommand go = GoCommand.create(temp.resolve("go"))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey());
        GoResult result = go.run(project, "mod", "download", "all");
        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void aWrongGoSumHashFailsThatItemAsAnH1MismatchInBothModes() throws Exception {
        String wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        Path goSum = project(wrong).resolve("go.sum");
        String expected =
                "FAILED " + MULTI.coordinate() + " (from " + goSum + "): h1 mismatch for " + MULTI.coordinate()
                        + " zip: go.sum has " + wrong + ", fetched " + ChecksumDatabaseServer.zipHash(MULTI);

        PrewarmCommands.Run run = prewarm(goSum.toString());
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains(expected).contains("3 items: 2 fetched, 0 already present, 1 failed");

        modvault = RunningModvault.start(
                temp.resolve("served"), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        PrewarmCommands.Run served = prewarm("--server", modvault.baseUrl(), goSum.toString());
        assertThat(served.exit()).as(served.describe()).isEqualTo(1);
        assertThat(served.out()).contains(expected).contains("3 items: 2 fetched, 0 already present, 1 failed");
    }
}
