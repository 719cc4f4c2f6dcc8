package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GitHttpServer;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestRepositories;
import io.modvault.server.PrewarmCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modvault prewarm} from a project's go.mod alone, from its go.sum alone, and from a
 * go.work of two projects ({@link GraphProjects}); each time into a fresh data directory, then,
 * with the fake upstream stopped and the git server refusing, a fresh GOMODCACHE must
 * {@code go mod download all} and {@code go build ./...} through modvault with GOSUMDB on (the
 * test database, through modvault's /sumdb/), and the upstream never saw the private module. The
 * go command, run against the live upstream first, also writes the go.sum files and tells which
 * versions it selects: from a go.mod, prewarm must fetch exactly those zips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleGraphPrewarmIT {
    private static final String BUILD_LIST = "{{if not .Main}}{{if .Replace}}{{.Replace.Path}}@{{.Replace.Version}}"
            + "{{else}}{{.Path}}@{{.Version}}{{end}}{{end}}";

    @TempDir
    static Path temp;

    private final AtomicInteger runs = new AtomicInteger();
    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private GitHttpServer git;
    private Path projectOne;
    private Path projectTwo;
    private Path goWork;
    private Set<String> selectedByOne;
    private Set<String> selectedByWorkspace;

    @BeforeAll
    void writeTheGraphAndLetTheGoCommandTidyIt() throws Exception {
        List<TestModule> modules = GraphProjects.modules();
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), modules));
        database = ChecksumDatabaseServer.forModules("sumdb.test", modules).mountOn(upstream);
        git = TestRepositories.create(temp.resolve("repos")).serve();
        projectOne = GraphProjects.projectOne(temp.resolve("ws/one"));
        projectTwo = GraphProjects.projectTwo(temp.resolve("ws/two"));
        try (RunningModvault live = RunningModvault.start(temp.resolve("tidy-data"), upstream.baseUrl(), settings())) {
            GoCommand go = client(live).withEnv("GOWORK", "off");
            for (Path project : List.of(projectOne, projectTwo)) {
                // tidy, then record the sums of every module go mod download all fetches, as a project using it has
                go.run(project, "mod", "tidy").requireSuccess();
                go.run(project, "mod", "download", "all").requireSuccess();
            }
            selectedByOne = buildList(go, projectOne);
            goWork = Files.writeString(temp.resolve("ws/go.work"), "go 1.21\n\nuse (\n\t./one\n\t./two\n)\n");
            selectedByWorkspace = buildList(client(live), projectOne);
        }
        assertThat(selectedByOne)
                .as("pruning, replace and exclude shape the selection")
                .contains(
                        GraphProjects.FORK + "@v1.0.0",
                        GraphProjects.UPPER + "@v1.1.0",
                        GraphProjects.chain(0) + "@v1.2.0")
                .contains(GraphProjects.SIDE + "@v1.0.0", GraphProjects.DEEP + "@v1.0.0")
                .doesNotContain(GraphProjects.DEEP + "@v1.1.0")
                .doesNotContain(GraphProjects.chain(15) + "@v1.2.0", GraphProjects.chain(19) + "@v1.2.0")
                .hasSizeGreaterThan(20);
    }

    @AfterAll
    void stopServers() {
        upstream.close();
        git.close();
    }

    @Test
    void fromTheGoModAloneTheGoCommandWorksOfflineAndExactlyTheSelectedZipsWereFetched() throws Exception {
        Path data = prewarmed(projectOne.resolve("go.mod"));
        assertThat(zipsFetched()).isEqualTo(publicOnly(selectedByOne));

        upstream.resetCounts();
        PrewarmCommands.Run again = prewarm(data, projectOne.resolve("go.mod"));
        assertThat(again.out())
                .as(again.describe())
                .containsPattern("items: 0 fetched, \\d+ already present, 0 failed");
        assertThat(upstream.requestLog())
                .as("a second run reads the graph from the store")
                .isEmpty();
        judge(data, false, projectOne);
    }

    @Test
    void fromTheGoSumAloneTheGoCommandWorksOffline() throws Exception {
        Path data = prewarmed(projectOne.resolve("go.sum"));
        judge(data, false, projectOne);
    }

    @Test
    void fromAGoWorkOfTwoProjectsTheGoCommandWorksOfflineInBoth() throws Exception {
        Path data = prewarmed(goWork);
        assertThat(zipsFetched()).isEqualTo(publicOnly(selectedByWorkspace));
        judge(data, true, projectOne, projectTwo);
    }

    /** Prewarms {@code input} into a fresh data directory from the live upstream and git server. */
    private Path prewarmed(Path input) {
        Path data = temp.resolve("data-" + runs.incrementAndGet());
        upstream.resetCounts();
        database.resetCounts();
        Map<String, String> env = new HashMap<>(settings());
        env.put("MODVAULT_DATA_DIR", data.toString());
        env.put("GOPROXY", upstream.baseUrl());
        env.put("MODVAULT_UPSTREAM_TIMEOUT", "10s");
        PrewarmCommands.Run run =
                PrewarmCommands.run(env, "", Duration.ofSeconds(30), "--jobs", "16", input.toString());
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).contains(" 0 failed;");
        assertThat(upstream.requestLog()).noneMatch(GraphProjects::isPrivate);
        assertThat(database.wasAskedAbout(GitHttpServer.HOST)).isFalse();
        return data;
    }

    private PrewarmCommands.Run prewarm(Path data, Path input) {
        Map<String, String> env = new HashMap<>(settings());
        env.put("MODVAULT_DATA_DIR", data.toString());
        env.put("GOPROXY", upstream.baseUrl());
        env.put("MODVAULT_UPSTREAM_TIMEOUT", "10s");
        return PrewarmCommands.run(env, "", Duration.ofSeconds(30), "--jobs", "16", input.toString());
    }

    /** With the upstream and git gone, a fresh client downloads and builds each project through modvault. */
    private void judge(Path data, boolean workspace, Path... projects) throws Exception {
        upstream.stop();
        git.setAvailable(false);
        try (RunningModvault offline = RunningModvault.start(data, upstream.baseUrl(), settings())) {
            GoCommand go = client(offline);
            if (!workspace) {
                go = go.withEnv("GOWORK", "off");
            }
            for (Path project : projects) {
                GoResult download = go.run(project, "mod", "download", "all");
                assertThat(download.succeeded()).as(download.describe()).isTrue();
                GoResult build = go.run(project, "build", "./...");
                assertThat(build.succeeded()).as(build.describe()).isTrue();
            }
        } finally {
            git.setAvailable(true);
            upstream.start();
        }
    }

    /** A go client with a fresh module cache, GOSUMDB on through modvault, the private host exempt. */
    private GoCommand client(RunningModvault modvault) {
        return GoCommand.create(temp.resolve("go-" + runs.incrementAndGet()))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey())
                .withNoSumdb(GitHttpServer.HOST);
    }

    /** What modvault needs for the private module: its host routed to git, reached through the test's HTTP proxy. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "GOSUMDB", database.verifierKey(), "GOPRIVATE", GitHttpServer.HOST, "GOINSECURE", GitHttpServer.HOST));
        for (String proxy : new String[] {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"}) {
            settings.put(proxy, git.proxyUrl());
        }
        return settings;
    }

    private static Set<String> buildList(GoCommand go, Path project) {
        GoResult list = go.run(project, "list", "-m", "-f", BUILD_LIST, "all").requireSuccess();
        return list.stdout()
                .lines()
                .filter(line -> !line.isBlank() && !line.endsWith("@"))
                .collect(Collectors.toSet());
    }

    private static Set<String> publicOnly(Set<String> coordinates) {
        return coordinates.stream().filter(c -> !GraphProjects.isPrivate(c)).collect(Collectors.toSet());
    }

    /** The module versions whose zip prewarm asked the upstream for, as {@code path@version}. */
    private Set<String> zipsFetched() {
        return upstream.requestLog().stream()
                .filter(path -> path.endsWith(".zip"))
                .map(path -> {
                    String relative = path.startsWith("/") ? path.substring(1) : path;
                    int at = relative.indexOf("/@v/");
                    return ModulePath.parseEscaped(relative.substring(0, at)).value() + "@"
                            + ModuleVersion.unescape(relative.substring(at + 4, relative.length() - ".zip".length()));
                })
                .collect(Collectors.toSet());
    }
}
