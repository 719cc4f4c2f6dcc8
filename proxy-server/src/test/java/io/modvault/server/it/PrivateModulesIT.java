package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.DirectVersion;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GitHttpServer;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoDirect;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModules;
import io.modvault.core.testing.TestRepositories;
import io.modvault.sumdb.dirhash.DirHash;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private modules served from a loopback git server (reached as {@code git.example.test} through
 * an HTTP proxy on 127.0.0.1) beside public modules from a recording fake upstream and checksum
 * database; the real go command in direct mode is the judge of every hash.
 */
class PrivateModulesIT {
    @TempDir
    Path temp;

    private TestRepositories repos;
    private GitHttpServer git;
    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault modvault;

    @BeforeEach
    void start() throws InterruptedException {
        repos = TestRepositories.create(temp.resolve("repos"));
        git = repos.serve();
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        modvault = start(
                "git.example.test=" + TestRepositories.SECRET_USER + ":" + TestRepositories.SECRET_PASSWORD, "data");
    }

    private RunningModvault start(String gitCredentials, String dataDir) throws InterruptedException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "GOSUMDB",
                database.verifierKey(),
                "GOPRIVATE",
                GitHttpServer.HOST,
                "GOINSECURE",
                GitHttpServer.HOST,
                "MODVAULT_GIT_CREDENTIALS",
                gitCredentials,
                "MODVAULT_DENY",
                "example.test/denied"));
        for (String proxy : new String[] {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"}) {
            settings.put(proxy, git.proxyUrl());
        }
        return RunningModvault.start(temp.resolve(dataDir), upstream.baseUrl(), settings);
    }

    @AfterEach
    void stop() {
        modvault.close();
        upstream.close();
        git.close();
    }

    @Test
    void everyVersionHasTheHashesTheGoCommandComputesInDirectMode() throws Exception {
        GoDirect direct = GoDirect.create(temp.resolve("direct"), git)
                .withCredentials(TestRepositories.SECRET_USER, TestRepositories.SECRET_PASSWORD);
        for (DirectVersion version : repos.versions()) {
            GoDirect.Hashes expected = direct.h1(version.module(), version.version());
            String base = "/" + GoProxyTree.artifactPath(version.module(), version.version(), "");
            HttpResponse<byte[]> mod = modvault.get(base + "mod");
            assertThat(mod.statusCode()).as(version.coordinate()).isEqualTo(200);
            assertThat(DirHash.hashGoMod(mod.body()))
                    .as(version.coordinate() + " go.mod")
                    .isEqualTo(expected.goModSum());
            HttpResponse<byte[]> zip = modvault.get(base + "zip");
            assertThat(zip.statusCode()).as(version.coordinate()).isEqualTo(200);
            Path zipFile = Files.write(temp.resolve("z.zip"), zip.body());
            assertThat(DirHash.hashZip(zipFile))
                    .as(version.coordinate() + " zip")
                    .isEqualTo(expected.sum());
        }
        for (DirectVersion query : repos.revisionQueries()) {
            String path =
                    "/" + GoProxyTree.artifactPath(query.module(), query.query().orElseThrow(), "info");
            String info = new String(modvault.get(path).body(), StandardCharsets.UTF_8);
            assertThat(info).as(query.queryCoordinate()).contains("\"Version\":\"" + query.version() + "\"");
        }
        for (String module : repos.modulePaths()) {
            String list =
                    new String(modvault.get("/" + GoProxyTree.listPath(module)).body(), StandardCharsets.UTF_8);
            assertThat(list.lines().sorted().toList())
                    .as(module)
                    .isEqualTo(
                            repos.expectedVersionList(module).stream().sorted().toList());
        }
    }

    @Test
    void goBuildsAProgramImportingPrivateAndPublicModulesAndNoPrivateNameLeaks() throws Exception {
        GoCommand go = GoCommand.create(temp.resolve("go"))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey())
                .withNoSumdb(GitHttpServer.HOST)
                .withFlags("-mod=mod");
        Path project = GoProject.create(temp.resolve("app"), "example.test/app", Map.of("main.go", """
                package main

                import (
                \t"fmt"

                \ttagged "git.example.test/org/tagged"
                \tcli "git.example.test/org/mono/tools/cli"
                \tupper "example.test/Upper/Case"
                )

                func main() { fmt.Println(tagged.Name(), cli.Name(), upper.Name()) }
                """));
        go.run(project, "get", "./...").requireSuccess();
        go.run(project, "build", "-o", "app", ".").requireSuccess();
        String output = new ProcessRunner(project.resolve("app")).run();
        assertThat(output)
                .contains(
                        "git.example.test/org/tagged",
                        "git.example.test/org/mono/tools/cli",
                        "example.test/Upper/Case");
        assertThat(upstream.requestLog()).noneMatch(path -> path.contains(GitHttpServer.HOST));
        assertThat(database.wasAskedAbout(GitHttpServer.HOST)).isFalse();
        assertThat(git.requests("/org/tagged")).isPositive();
    }

    @Test
    void aRefusedCredentialSaysWhichHostAndWhichSourceWasTried() throws Exception {
        modvault.close();
        modvault = start("git.example.test=alice:wrong", "data-wrong");
        HttpResponse<byte[]> refused =
                modvault.get("/" + GoProxyTree.artifactPath(TestRepositories.SECRET, "v1.0.0", "info"));
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(refused.statusCode()).isNotIn(200, 404, 410);
        assertThat(body)
                .contains(GitHttpServer.HOST)
                .contains("MODVAULT_GIT_CREDENTIALS")
                .doesNotContain("wrong");
    }

    @Test
    void aDeniedPatternGets403WithTheRule() throws Exception {
        HttpResponse<byte[]> denied = modvault.get("/example.test/denied/thing/@v/list");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(new String(denied.body(), StandardCharsets.UTF_8)).contains("MODVAULT_DENY");
        assertThat(upstream.totalRequests()).isZero();
    }
}
