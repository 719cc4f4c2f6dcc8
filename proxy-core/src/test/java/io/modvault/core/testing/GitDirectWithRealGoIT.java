package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git fixtures judged by the real go command in direct mode ({@code GOPROXY=direct}) through
 * the loopback {@link GitHttpServer}: every expected version downloads, revision queries resolve to
 * the expected pseudo-versions, version lists hold the tags, the zip rules hold, the secret
 * repository needs its credentials. The {@code h1:} values go computes are printed as go.sum
 * lines, for comparison with modvault's own zips.
 */
class GitDirectWithRealGoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static TestRepositories repos;
    private static GitHttpServer server;
    private static GoDirect go;

    @BeforeAll
    static void setUp() {
        repos = TestRepositories.create(temp.resolve("git"));
        server = repos.serve();
        go = GoDirect.create(temp.resolve("shared"), server);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void everyTaggedVersionDownloadsWithTheHashesGoComputes() {
        List<DirectVersion> tagged = repos.versions().stream()
                .filter(v -> v.isTagged() && !v.requiresAuth())
                .toList();

        List<GoDirect.Download> downloads =
                go.download(tagged.stream().map(DirectVersion::coordinate).toArray(String[]::new));

        StringBuilder goSum = new StringBuilder();
        for (DirectVersion expected : tagged) {
            GoDirect.Download download = find(downloads, expected.module(), expected.version());
            assertThat(download.error()).as(expected.coordinate()).isEmpty();
            assertThat(download.sum()).startsWith("h1:");
            assertThat(download.goModSum()).startsWith("h1:");
            assertThat(Path.of(download.dir())).isDirectory();
            goSum.append(download.goSumLines());
        }
        System.out.print("--- h1 computed by go mod download in direct mode (tags) ---\n" + goSum);
        assertThat(server.requestLog()).allSatisfy(r -> {
            assertThat(r.absoluteForm()).as(r.toString()).isTrue();
            assertThat(r.host()).isEqualTo(GitHttpServer.HOST);
        });
    }

    @Test
    void branchAndHashQueriesResolveToTheExpectedPseudoVersions() {
        StringBuilder goSum = new StringBuilder();
        for (DirectVersion expected : repos.revisionQueries()) {
            GoDirect.Download byQuery = go.download(expected.queryCoordinate()).getFirst();
            GoDirect.Download byVersion = go.download(expected.coordinate()).getFirst();

            assertThat(byQuery.error()).as(expected.queryCoordinate()).isEmpty();
            assertThat(byQuery.version()).as(expected.queryCoordinate()).isEqualTo(expected.version());
            assertThat(byVersion.error()).as(expected.coordinate()).isEmpty();
            assertThat(byVersion.hashes()).isEqualTo(byQuery.hashes());
            goSum.append(byQuery.goSumLines());
        }
        System.out.print("--- h1 computed by go mod download in direct mode (pseudo-versions) ---\n" + goSum);
        assertThat(repos.revisionQueries())
                .extracting(v -> v.query().orElseThrow())
                .contains("main", "feature")
                .anyMatch(q -> q.matches("[0-9a-f]{10,12}"));
    }

    @Test
    void versionListsHoldExactlyTheTags() throws IOException {
        for (String module : List.of(
                TestRepositories.TAGGED,
                TestRepositories.LEGACY,
                TestRepositories.MONO_CLI,
                TestRepositories.MAJOR,
                TestRepositories.MAJOR_V2,
                TestRepositories.BRANCHV2,
                TestRepositories.BRANCHV2_V2,
                TestRepositories.EXCLUDED)) {
            GoResult result = go.run("list", "-m", "-json", "-versions", module + "@latest")
                    .requireSuccess();

            JsonNode json = JSON.readTree(result.stdout());
            List<String> versions = new ArrayList<>();
            json.path("Versions").forEach(v -> versions.add(v.asText()));
            assertThat(versions).as(module).isEqualTo(repos.expectedVersionList(module));
            assertThat(json.get("Version").asText()).as(module).isEqualTo(repos.expectedLatest(module));
        }
        assertThat(repos.expectedVersionList(TestRepositories.LEGACY))
                .containsExactly("v1.0.0", "v2.0.0+incompatible", "v3.1.0+incompatible");
        assertThat(repos.expectedVersionList(TestRepositories.TAGGED))
                .containsExactly("v1.0.0", "v1.1.0", "v1.2.0-rc.1");
        assertThat(repos.expectedVersionList(TestRepositories.MONO_CLI)).containsExactly("v1.0.0", "v1.1.0");
    }

    @Test
    void zipsLeaveOutVendorNestedModulesAndSymlinksAndCopyTheRootLicense() throws IOException {
        List<GoDirect.Download> downloads = go.download(
                TestRepositories.EXCLUDED + "@v1.0.0",
                TestRepositories.EXCLUDED + "@v1.1.0",
                TestRepositories.MONO_CLI + "@v1.0.0",
                TestRepositories.MONO + "@v1.0.0");
        Path old = Path.of(find(downloads, TestRepositories.EXCLUDED, "v1.0.0").dir());
        Path go124 =
                Path.of(find(downloads, TestRepositories.EXCLUDED, "v1.1.0").dir());
        Path cli = Path.of(find(downloads, TestRepositories.MONO_CLI, "v1.0.0").dir());
        Path mono = Path.of(find(downloads, TestRepositories.MONO, "v1.0.0").dir());

        assertThat(old.resolve("real.go")).isRegularFile();
        assertThat(old.resolve("internal/util/util.go")).isRegularFile();
        assertThat(old.resolve("vendor/modules.txt")).isRegularFile();
        for (String left : List.of("link.go", "vendor/example.com", "nested", "pkg/vendor/vendor.go")) {
            assertThat(old.resolve(left)).as(left).doesNotExist();
        }
        assertThat(go124.resolve("vendor/modules.txt")).doesNotExist();
        assertThat(go124.resolve("pkg/vendor/vendor.go")).isRegularFile();
        assertThat(go124.resolve("link.go")).doesNotExist();
        assertThat(Files.readString(cli.resolve("LICENSE"))).isEqualTo(TestRepositories.MONO_LICENSE);
        assertThat(mono.resolve("tools")).doesNotExist();
        assertThat(mono.resolve("LICENSE")).isRegularFile();
    }

    @Test
    void secretRepositoryWorksWithTheNetrcHomeAndFailsWithout() {
        GoDirect anonymous = GoDirect.create(temp.resolve("anonymous"), server);
        GoDirect wrong =
                GoDirect.create(temp.resolve("wrong"), server).withCredentials(TestRepositories.SECRET_USER, "wrong");
        GoDirect alice = GoDirect.create(temp.resolve("alice"), server)
                .withCredentials(TestRepositories.SECRET_USER, TestRepositories.SECRET_PASSWORD);
        List<DirectVersion> secret = repos.versions(TestRepositories.SECRET);
        String[] coordinates = secret.stream().map(DirectVersion::coordinate).toArray(String[]::new);
        server.resetLog();

        GoDirect.Download refused = anonymous.download(coordinates[0]).getFirst();
        GoDirect.Download wrongPassword = wrong.download(coordinates[0]).getFirst();
        List<GitRequest> failedLog = server.requestLog();
        List<GoDirect.Download> allowed = alice.download(coordinates);

        // git reports a refused .netrc password like a missing one: it never learnt the netrc user name.
        assertThat(refused.error()).contains("terminal prompts disabled");
        assertThat(wrongPassword.error()).contains("terminal prompts disabled");
        assertThat(failedLog)
                .filteredOn(r -> !r.isGoGet())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(401))
                .anyMatch(r -> r.user().isEmpty())
                .anyMatch(r -> r.user().equals(Optional.of("alice")));
        StringBuilder goSum = new StringBuilder();
        for (DirectVersion expected : secret) {
            GoDirect.Download download = find(allowed, expected.module(), expected.version());
            assertThat(download.error()).as(expected.coordinate()).isEmpty();
            goSum.append(download.goSumLines());
        }
        System.out.print("--- h1 computed by go mod download in direct mode (secret) ---\n" + goSum);
        assertThat(server.requestLog())
                .filteredOn(r -> r.user().isPresent() && r.status() == 200)
                .isNotEmpty();
    }

    @Test
    void coldDownloadAsksForTheGoImportPageThenSpeaksSmartHttp() {
        GoDirect cold = GoDirect.create(temp.resolve("cold"), server);
        server.resetLog();

        cold.download(TestRepositories.MONO_CLI + "@v1.1.0")
                .forEach(d -> assertThat(d.error()).isEmpty());

        List<GitRequest> log = server.requestLog();
        System.out.println("--- requests of a cold go mod download " + TestRepositories.MONO_CLI + "@v1.1.0 ---\n"
                + log.stream().map(GitRequest::toString).collect(Collectors.joining("\n")));
        assertThat(log.getFirst().isGoGet()).isTrue();
        assertThat(log.getFirst().path()).isEqualTo("/org/mono/tools/cli");
        assertThat(log)
                .filteredOn(r -> !r.isGoGet())
                .allSatisfy(r -> assertThat(r.path()).startsWith("/org/mono.git/"))
                .anyMatch(r -> r.path().equals("/org/mono.git/info/refs"))
                .anyMatch(r -> r.method().equals("POST") && r.path().equals("/org/mono.git/git-upload-pack"));
        assertThat(log).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    }

    @Test
    void programImportingTheRepositoriesBuildsAndPrintsTheSelectedVersions() throws Exception {
        DirectVersion taggedMain = repos.revisionQueries().stream()
                .filter(v -> v.module().equals(TestRepositories.TAGGED)
                        && v.query().orElseThrow().equals("main"))
                .findFirst()
                .orElseThrow();
        List<DirectVersion> picks = List.of(
                taggedMain,
                repos.version(TestRepositories.MAJOR_V2, "v2.0.0"),
                repos.version(TestRepositories.BRANCHV2_V2, "v2.1.0"),
                repos.version(TestRepositories.MONO_CLI, "v1.1.0"),
                repos.version(TestRepositories.LEGACY, "v3.1.0+incompatible"),
                repos.version(TestRepositories.EXCLUDED, "v1.0.0"));
        StringBuilder goMod = new StringBuilder("module example.test/app\n\ngo 1.21\n\nrequire (\n");
        StringBuilder imports = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < picks.size(); i++) {
            DirectVersion pick = picks.get(i);
            goMod.append('\t')
                    .append(pick.module())
                    .append(' ')
                    .append(pick.version())
                    .append('\n');
            imports.append("\tm").append(i).append(" \"").append(pick.module()).append("\"\n");
            calls.append("\tfmt.Println(m").append(i).append(".Name())\n");
        }
        Path app = GoProject.create(
                temp.resolve("app"),
                "example.test/app",
                Map.of(
                        "go.mod",
                        goMod + ")\n",
                        "main.go",
                        "package main\n\nimport (\n\t\"fmt\"\n\n" + imports + ")\n\nfunc main() {\n" + calls + "}\n"));

        go.go().withFlags("-mod=mod").run(app, "build", "-o", "app", ".").requireSuccess();

        assertThat(runBinary(app.resolve("app")))
                .isEqualTo(picks.stream().map(v -> v.name() + "\n").collect(Collectors.joining()));
    }

    private static GoDirect.Download find(List<GoDirect.Download> downloads, String module, String version) {
        return downloads.stream()
                .filter(d -> d.path().equals(module) && d.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + module + "@" + version + " in " + downloads));
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
