package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real go command as the judge: it downloads, lists, gets and builds the whole test
 * catalogue through modvault, then does it again from modvault's cache alone with the upstream
 * stopped and an empty module cache.
 */
class GoClientEndToEndIT {
    private static final String MAIN = """
            package main

            import (
            \t"fmt"

            \tlegacy "example.test/legacy"
            \tmulti "example.test/multi/v2"
            \tnomod "example.test/nomod"
            \tpre "example.test/pre"
            \tpseudo "example.test/pseudo"
            \tupper "example.test/Upper/Case"
            )

            func main() {
            \tfmt.Println(upper.Name(), multi.Name(), legacy.Name(), nomod.Name(), pre.Name(), pseudo.Name())
            }
            """;

    @TempDir
    Path temp;

    @Test
    void goCommandDownloadsGetsAndBuildsThroughModvaultAndAgainFromCacheWithUpstreamDown() throws Exception {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(tree);
                RunningModvault modvault = RunningModvault.start(
                        temp.resolve("data"), upstream.baseUrl(), Map.of("MODVAULT_LIST_TTL", "0s"))) {
            String firstBuild = exerciseGoCommand(modvault, "first");
            assertThat(upstream.totalRequests()).isPositive();

            upstream.stop();
            String secondBuild = exerciseGoCommand(modvault, "second");
            assertThat(secondBuild).isEqualTo(firstBuild);
        }
    }

    private String exerciseGoCommand(RunningModvault modvault, String round) throws Exception {
        GoCommand go = GoCommand.create(temp.resolve("go-" + round))
                .withProxy(modvault.baseUrl())
                .withSumdb("off");
        for (TestModule module : TestModules.catalogue()) {
            GoResult download = go.run(temp, "mod", "download", "-json", module.coordinate())
                    .requireSuccess();
            assertThat(download.stdout()).contains("\"Version\": \"" + module.version() + "\"");
        }
        assertThat(go.run(temp, "list", "-m", "-versions", TestModules.UPPER)
                        .requireSuccess()
                        .stdout()
                        .trim())
                .isEqualTo(TestModules.UPPER + " v1.0.0 v1.1.0");
        assertThat(go.run(temp, "list", "-m", "-versions", TestModules.LEGACY)
                        .requireSuccess()
                        .stdout()
                        .trim())
                .isEqualTo(TestModules.LEGACY + " v1.0.0 v2.0.0+incompatible");

        Path project = GoProject.create(temp.resolve("app-" + round), "example.test/app", Map.of("main.go", MAIN));
        for (String module : TestModules.modulePaths()) {
            go.run(project, "get", module + "@latest").requireSuccess();
        }
        go.run(project, "get", TestModules.LEGACY + "@v2.0.0+incompatible").requireSuccess();
        go.run(project, "build", "-o", "app", ".").requireSuccess();
        String output = new ProcessRunner(project.resolve("app")).run();
        assertThat(output)
                .contains(
                        "example.test/Upper/Case@v1.1.0",
                        "example.test/multi/v2@v2.1.0",
                        "example.test/legacy@v2.0.0+incompatible",
                        "example.test/pre@v0.9.0-rc.2",
                        "example.test/pseudo@" + TestModules.PSEUDO_VERSION);
        return output;
    }
}
