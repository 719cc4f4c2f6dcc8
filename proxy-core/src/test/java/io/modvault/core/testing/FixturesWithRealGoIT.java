package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures judged by the real go command: if it accepts them, tests built on them mean something. */
class FixturesWithRealGoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        tree = GoProxyTree.write(temp.resolve("proxy"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
        work = Files.createDirectories(temp.resolve("work"));
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    private GoCommand go(String goproxy) {
        return GoCommand.create(temp.resolve("go")).withProxy(goproxy);
    }

    private static List<JsonNode> jsonStream(String stdout) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        JSON.readerFor(JsonNode.class).readValues(stdout).forEachRemaining(n -> nodes.add((JsonNode) n));
        return nodes;
    }

    private String[] downloadArgs(List<TestModule> modules) {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        modules.forEach(m -> args.add(m.coordinate()));
        return args.toArray(String[]::new);
    }

    private void assertDownloadedExactlyOurBytes(JsonNode json, TestModule module) {
        assertThat(json.path("Error").isMissingNode()).as(json.toString()).isTrue();
        assertThat(json.get("Path").asText()).isEqualTo(module.path());
        assertThat(json.get("Version").asText()).isEqualTo(module.version());
        assertThat(json.get("Sum").asText()).isEqualTo(H1.ofZip(tree.file(GoProxyTree.zipPath(module))));
        assertThat(json.get("GoModSum").asText()).isEqualTo(H1.ofGoMod(module.goMod()));
        Path dir = Path.of(json.get("Dir").asText());
        for (String file : module.files().keySet()) {
            assertThat(dir.resolve(file)).hasBinaryContent(module.files().get(file));
        }
    }

    @Test
    void fileTreeWorksAsGoproxyForGoModDownload() throws IOException {
        TestModule upper = TestModules.get(TestModules.UPPER, "v1.0.0");

        GoResult result =
                go(tree.fileUrl()).run(work, downloadArgs(List.of(upper))).requireSuccess();

        JsonNode json = jsonStream(result.stdout()).getFirst();
        assertDownloadedExactlyOurBytes(json, upper);
        assertThat(json.get("Dir").asText()).endsWith("example.test/!upper/!case@v1.0.0");
    }

    @Test
    void fakeUpstreamServesEveryCatalogueVersionToGoModDownload() throws IOException {
        GoResult result = go(upstream.baseUrl())
                .run(work, downloadArgs(TestModules.catalogue()))
                .requireSuccess();

        List<JsonNode> downloads = jsonStream(result.stdout());
        assertThat(downloads).hasSize(TestModules.catalogue().size());
        for (TestModule module : TestModules.catalogue()) {
            JsonNode json = downloads.stream()
                    .filter(n -> n.get("Path").asText().equals(module.path())
                            && n.get("Version").asText().equals(module.version()))
                    .findFirst()
                    .orElseThrow();
            assertDownloadedExactlyOurBytes(json, module);
            assertThat(upstream.requests(GoProxyTree.zipPath(module)))
                    .as(module.coordinate())
                    .isEqualTo(1);
        }
    }

    @Test
    void goBuildsAProgramImportingTheWholeCatalogueThroughTheFakeUpstream() throws Exception {
        Path app = GoProject.create(
                work.resolve("app"), "example.test/app", Map.of("main.go", TestModules.programImportingCatalogue()));

        go(upstream.baseUrl())
                .withFlags("-mod=mod")
                .run(app, "build", "-o", "app", ".")
                .requireSuccess();

        assertThat(runBinary(app.resolve("app"))).isEqualTo(TestModules.expectedProgramOutput());
        assertThat(upstream.requests(GoProxyTree.latestPath(TestModules.PSEUDO)))
                .isPositive();
        assertThat(upstream.requests(GoProxyTree.listPath(TestModules.PRE))).isPositive();
        assertThat(Files.readString(app.resolve("go.mod")))
                .contains(
                        "example.test/Upper/Case v1.1.0",
                        "example.test/legacy v2.0.0+incompatible",
                        "example.test/pseudo " + TestModules.PSEUDO_VERSION);
    }

    @Test
    void sizedZipsAreValidModuleZipsForTheGoCommand() throws IOException {
        TestModule base = TestModules.simple("example.test/big", "v1.0.0", java.time.Instant.EPOCH, "big", true);
        Path zip = tree.addSized(base, 2 << 20, new java.util.Random(5));

        GoResult result =
                go(upstream.baseUrl()).run(work, downloadArgs(List.of(base))).requireSuccess();

        JsonNode json = jsonStream(result.stdout()).getFirst();
        assertThat(json.get("Sum").asText()).isEqualTo(H1.ofZip(zip));
        assertThat(Path.of(json.get("Dir").asText()).resolve(ModuleZips.PAYLOAD_FILE))
                .isRegularFile();
    }

    @Test
    void goResolvesLatestAndVersionListsAsTheCatalogueExpects() throws IOException {
        GoCommand go = go(upstream.baseUrl());
        for (String path : TestModules.modulePaths()) {
            GoResult result = go.run(work, "list", "-m", "-json", "-versions", path + "@latest")
                    .requireSuccess();

            JsonNode json = JSON.readTree(result.stdout());
            assertThat(json.get("Version").asText())
                    .as(path)
                    .isEqualTo(TestModules.expectedLatest(path).version());
            List<String> versions = new ArrayList<>();
            json.path("Versions").forEach(v -> versions.add(v.asText()));
            assertThat(String.join("", versions.stream().map(v -> v + "\n").toList()))
                    .as(path)
                    .isEqualTo(TestModules.expectedList(path));
        }
    }

    @Test
    void goReportsATruncatedZipAndSucceedsOnceTheUpstreamBehaves() throws IOException {
        TestModule nomod = TestModules.get(TestModules.NOMOD, "v1.0.0");
        upstream.on(GoProxyTree.zipPath(nomod), Reply.serve().dropAfter(40));
        GoCommand go = go(upstream.baseUrl());

        GoResult broken = go.run(work, "mod", "download", nomod.coordinate());

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.stderr()).contains(nomod.coordinate(), "unexpected EOF");
        upstream.clearRules();
        go.run(work, "mod", "download", nomod.coordinate()).requireSuccess();
    }

    @Test
    void outageFailsTheGoCommandAndRestartOnTheSamePortRecovers() {
        TestModule pre = TestModules.get(TestModules.PRE, "v0.9.0-rc.1");
        GoCommand go = go(upstream.baseUrl());

        upstream.stop();
        GoResult during = go.run(work, "mod", "download", pre.coordinate());
        upstream.start();
        GoResult after = go.run(work, "mod", "download", pre.coordinate());

        assertThat(during.succeeded()).isFalse();
        assertThat(during.stderr()).contains("connection refused");
        after.requireSuccess();
    }

    @Test
    void timeoutKillsAHangingGoCommand() {
        upstream.on(path -> true, Reply.serve().delayHeaders(Duration.ofSeconds(60)));
        GoCommand go = go(upstream.baseUrl()).withTimeout(Duration.ofSeconds(3));

        GoResult result = go.run(work, "mod", "download", "example.test/nomod@v1.0.0");

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(result::requireSuccess)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("killed after timeout");
    }

    @Test
    void environmentIsCleanAndHermetic() {
        GoCommand go = GoCommand.create(temp.resolve("go")).withPrivate("example.test/private");

        GoResult result = go.run(work, "env", "-json").requireSuccess();

        assertThat(result.stdout())
                .contains(
                        "\"GOPROXY\": \"off\"",
                        "\"GOSUMDB\": \"off\"",
                        "\"GOFLAGS\": \"-modcacherw\"",
                        "\"GOTOOLCHAIN\": \"local\"",
                        "\"CGO_ENABLED\": \"0\"",
                        "\"GOPRIVATE\": \"example.test/private\"",
                        "\"GOMODCACHE\": \"" + go.modCache() + "\"");
        assertThat(go.environment()).doesNotContainKeys("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "NO_PROXY");
    }

    private static String runBinary(Path binary) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
