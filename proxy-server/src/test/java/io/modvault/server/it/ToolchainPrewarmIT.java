package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.prewarm.GoPlatform;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.PrewarmCommands;
import io.modvault.server.prewarm.ToolchainOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modvault prewarm --toolchain} for a made-up release, go1.99.0, whose toolchain module is
 * recorded in the test checksum database: after prewarming, with the upstream (and so the
 * database) gone and modvault serving with {@code --upstream off}, the real go command switches
 * to it with {@code GOTOOLCHAIN=go1.99.0}, GOSUMDB on, and runs its {@code bin/go}.
 */
class ToolchainPrewarmIT {
    private static final String TOOLCHAIN = "go1.99.0";
    private static final GoPlatform MACHINE =
            ToolchainOptions.machine().orElseThrow(() -> new IllegalStateException("this machine is no Go port"));
    private static final String VERSION_LINE = "go version " + TOOLCHAIN + " " + MACHINE;

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault modvault;

    /**
     * What the go command needs inside a toolchain zip to switch to it: {@code bin/go} (made
     * executable by the go command after unzipping), and {@code bin/gofmt}, {@code pkg/tool} and
     * {@code lib}, whose modes it sets first and whose absence it reports as a failed download.
     * No go.mod: real toolchain zips carry none at the root, and the .mod is {@code module golang.org/toolchain}.
     */
    private static TestModule toolchainModule() {
        return TestModule.of(
                "golang.org/toolchain",
                "v0.0.1-" + TOOLCHAIN + "." + MACHINE.moduleSuffix(),
                Instant.parse("2031-02-03T04:05:06Z"),
                Map.of(
                        "bin/go",
                        "#!/bin/sh\necho '" + VERSION_LINE + "'\n",
                        "bin/gofmt",
                        "#!/bin/sh\nexit 0\n",
                        "pkg/tool/" + MACHINE.goos() + "_" + MACHINE.goarch() + "/compile",
                        "#!/bin/sh\nexit 0\n",
                        "lib/wasm/go_js_wasm_exec",
                        "#!/bin/sh\nexit 0\n",
                        "src/_go.mod",
                        "module std\n"));
    }

    @BeforeEach
    void start() {
        List<TestModule> modules = new ArrayList<>(TestModules.catalogue());
        modules.add(toolchainModule());
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), modules));
        database = ChecksumDatabaseServer.forModules("sumdb.test", modules).mountOn(upstream);
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    private PrewarmCommands.Run prewarm(String... args) {
        return prewarmWithSumdb(database.verifierKey(), args);
    }

    private PrewarmCommands.Run prewarmWithSumdb(String gosumdb, String... args) {
        Map<String, String> env = Map.of(
                "MODVAULT_DATA_DIR",
                temp.resolve("data").toString(),
                "GOPROXY",
                upstream.baseUrl(),
                "GOSUMDB",
                gosumdb,
                "MODVAULT_UPSTREAM_TIMEOUT",
                "5s");
        return PrewarmCommands.run(env, "", Duration.ofSeconds(5), args);
    }

    @Test
    void prewarmedToolchainIsSwitchedToOfflineWithTheClientsGosumdbOn() throws Exception {
        String module = toolchainModule().coordinate();
        PrewarmCommands.Run run = prewarm("--toolchain", TOOLCHAIN);
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("prewarm: 1 items: 1 fetched, 0 already present, 0 failed");
        assertThat(database.lookups()).containsExactly(module);

        upstream.stop();
        modvault = RunningModvault.start(temp.resolve("data"), "off", Map.of("GOSUMDB", database.verifierKey()));
        GoCommand go = GoCommand.create(temp.resolve("go"))
                .withProxy(modvault.baseUrl())
                .withSumdb(database.verifierKey())
                .withEnv("GOTOOLCHAIN", TOOLCHAIN);
        GoResult version = go.run(temp, "version");
        assertThat(version.succeeded()).as(version.describe()).isTrue();
        assertThat(version.stdout().strip()).isEqualTo(VERSION_LINE);
        assertThat(version.stderr()).contains("go: downloading " + TOOLCHAIN + " (" + MACHINE + ")");
        assertThat(go.modCache().resolve("cache/download/sumdb/sumdb.test/lookup/" + module))
                .as("the go command checked the zip against the checksum database, through modvault")
                .exists();
    }

    @Test
    void aToolchainTheUpstreamLacksFailsNamingItsModule() {
        PrewarmCommands.Run run = prewarm("--toolchain", "go1.98.0", "--platform", "linux/amd64", "--json", "-");
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .contains("FAILED golang.org/toolchain@v0.0.1-go1.98.0.linux-amd64 (from --toolchain"
                        + " go1.98.0 (linux/amd64)): .info: ");
        assertThat(database.totalRequests()).isZero();
    }

    @Test
    void toolchainsStoredWithoutTheirChecksumDatabaseProofAreWarnedAbout() {
        PrewarmCommands.Run run = prewarmWithSumdb("off", "--toolchain", TOOLCHAIN);
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.err())
                .contains("warning: GOSUMDB=off, so no checksum-database proof of the toolchains is stored");
        assertThat(prewarm("--toolchain", TOOLCHAIN).err()).doesNotContain("warning");
    }
}
