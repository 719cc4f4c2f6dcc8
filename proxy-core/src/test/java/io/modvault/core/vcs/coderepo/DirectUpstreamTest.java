package io.modvault.core.vcs.coderepo;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.discovery.RepoResolver;
import io.modvault.core.vcs.git.TestRepo;
import io.modvault.sumdb.dirhash.DirHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code direct} upstream: GOPROXY paths answered from git, failures mapped to results. */
class DirectUpstreamTest {
    private static final String MOD = "corp.example/Team/lib";

    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;
    private TestRepo repo;
    private DirectUpstream direct;
    private String feature;

    @BeforeEach
    void setUp() {
        fixture = new ModuleRepoFixture(temp);
        repo = fixture.repo("lib");
        repo.write("go.mod", "module " + MOD + "\n")
                .write("lib.go", "package lib\n")
                .commit("one");
        repo.tag("v1.0.0");
        repo.newBranch("Feature");
        feature = repo.commit("feature");
        repo.checkout("main");
        direct = new DirectUpstream(new MapResolver(Map.of(MOD, repo)), fixture.mirrors);
    }

    @Test
    void answersListInfoModAndLatest() {
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/list", 1 << 20)))
                .isEqualTo("v1.0.0\n");
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/v1.0.0.info", 1 << 20)))
                .startsWith("{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-02T03:04:05Z\",\"Origin\":{\"VCS\":\"git\"");
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/!feature.info", 1 << 20)))
                .startsWith("{\"Version\":\"v1.0.1-0.20200102040405-" + feature.substring(0, 12) + "\"");
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/v1.0.0.mod", 1 << 20)))
                .isEqualTo("module " + MOD + "\n");
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@latest", 1 << 20)))
                .contains("\"Version\":\"v1.0.0\"")
                .contains("\"Ref\":\"HEAD\"");
        assertThat(direct.name()).isEqualTo("direct");
    }

    @Test
    void streamsZipsIntoTheTargetWithTheirHash() throws Exception {
        Path target = temp.resolve("download.zip");

        UpstreamResult<DownloadedFile> result =
                direct.fetchFile("corp.example/!team/lib/@v/v1.0.0.zip", target, 1 << 20);

        assertThat(result).isInstanceOf(Found.class);
        DownloadedFile file = ((Found<DownloadedFile>) result).body();
        assertThat(file.size()).isEqualTo(Files.size(target));
        assertThat(DirHash.hashZip(target))
                .isEqualTo(ModZipOracle.zip(repo.dir(), "v1.0.0", "", MOD, "v1.0.0")
                        .h1());
        assertThat(temp.toFile().list()).noneMatch(name -> name.startsWith(".git-archive-"));
    }

    @Test
    void servesKnownTagsWhileTheRepositoryIsUnreachable() throws Exception {
        assertThat(direct.fetchBytes("corp.example/!team/lib/@v/list", 1 << 20)).isInstanceOf(Found.class);
        Files.move(repo.dir(), temp.resolve("unreachable"));
        fixture.clock.advance(Duration.ofDays(1));

        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/v1.0.0.info", 1 << 20)))
                .contains("v1.0.0");
        assertThat(body(direct.fetchBytes("corp.example/!team/lib/@v/v1.0.0.mod", 1 << 20)))
                .startsWith("module ");
        assertThat(direct.fetchFile("corp.example/!team/lib/@v/v1.0.0.zip", temp.resolve("z.zip"), 1 << 20))
                .isInstanceOf(Found.class);
        assertThat(direct.fetchBytes("corp.example/!team/lib/@v/list", 1 << 20)).isInstanceOf(NotFound.class);
    }

    @Test
    void answersNotFoundWithTheReasonForUnknownVersionsAndModules() {
        UpstreamResult<byte[]> version = direct.fetchBytes("corp.example/!team/lib/@v/v9.0.0.info", 1 << 20);
        UpstreamResult<byte[]> module = direct.fetchBytes("corp.example/other/@v/list", 1 << 20);
        UpstreamResult<byte[]> sumdb = direct.fetchBytes("sumdb/sum.golang.org/supported", 1 << 20);

        assertThat(version)
                .isInstanceOfSatisfying(
                        NotFound.class,
                        n -> assertThat(n.reason())
                                .contains("corp.example/Team/lib@v9.0.0: invalid version: unknown revision v9.0.0"));
        assertThat(module)
                .isInstanceOfSatisfying(
                        NotFound.class, n -> assertThat(n.reason()).contains("no repository for corp.example/other"));
        assertThat(sumdb).isInstanceOf(NotFound.class);
    }

    @Test
    void mapsAuthenticationFailuresAndTimeoutsToFailures() {
        RepoResolver refusing = path -> {
            throw new VcsException(VcsException.Kind.AUTH, "authentication to corp.example failed");
        };
        RepoResolver slow = path -> {
            throw new VcsException(VcsException.Kind.TIMEOUT, "git ls-remote timed out");
        };

        assertThat(new DirectUpstream(refusing, fixture.mirrors).fetchBytes("corp.example/x/@v/list", 100))
                .isEqualTo(new Failed<byte[]>("direct", "authentication to corp.example failed", false));
        assertThat(new DirectUpstream(slow, fixture.mirrors).fetchBytes("corp.example/x/@v/list", 100))
                .isEqualTo(new Failed<byte[]>("direct", "git ls-remote timed out", true));
    }

    @Test
    void refusesAnswersLargerThanTheLimit() {
        assertThat(direct.fetchBytes("corp.example/!team/lib/@v/v1.0.0.mod", 5)).isInstanceOf(Failed.class);
        assertThat(direct.fetchFile("corp.example/!team/lib/@v/v1.0.0.zip", temp.resolve("z"), 10))
                .isInstanceOf(Failed.class);
    }

    @Test
    void plugsIntoTheCachingProxyLikeAnyUpstream() {
        try (InMemoryModuleStore store = InMemoryModuleStore.open(temp.resolve("store"), fixture.clock)) {
            ModuleProxy proxy = new ModuleProxy(
                    store,
                    direct,
                    FetchSettings.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
                    fixture.clock);
            ModulePath module = ModulePath.of(MOD);

            FetchResult zip = proxy.get(new ProxyRequest.Zip(module, "v1.0.0"));
            FetchResult info = proxy.get(new ProxyRequest.Info(module, "v1.0.0", true));
            FetchResult missing = proxy.get(new ProxyRequest.Mod(module, "v1.5.0"));

            assertThat(zip).isInstanceOf(FetchResult.Blob.class);
            assertThat(info)
                    .isInstanceOfSatisfying(
                            FetchResult.Content.class,
                            c -> assertThat(new String(c.body(), StandardCharsets.UTF_8))
                                    .contains("\"Version\":\"v1.0.0\""));
            assertThat(missing).isInstanceOf(FetchResult.NotFound.class);
        }
    }

    private static String body(UpstreamResult<byte[]> result) {
        assertThat(result).isInstanceOf(Found.class);
        return new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8);
    }
}
