package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage side of {@code modvault prewarm}: help, and the inputs and options refused with exit 2 before anything opens. */
class PrewarmCommandTest {
    @TempDir
    Path temp;

    private PrewarmCommands.Run prewarm(String... args) {
        return PrewarmCommands.run(
                Map.of("MODVAULT_DATA_DIR", temp.resolve("data").toString()), "", Duration.ofSeconds(5), args);
    }

    @Test
    void prewarmIsRegisteredWithHelpAndTheSettingsOfServe() {
        assertThat(Main.commandLine().getSubcommands()).containsKeys("serve", "verify", "prewarm");
        PrewarmCommands.Run help = prewarm("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("Usage: prewarm")
                .contains("--server=URL")
                .contains("--jobs=N")
                .contains("--json=FILE")
                .contains("--data-dir")
                .contains("--upstream")
                .contains("--sumdb")
                .contains("--private")
                .contains("--config")
                .contains("go.mod or go.work file (its module graph")
                .doesNotContain("--listen");
    }

    @Test
    void aMalformedGoModIsAUsageErrorBeforeTheStoreIsOpened() throws Exception {
        Path goMod = Files.writeString(temp.resolve("go.mod"), "module example.test/app\n\nrequire example.test/a\n");
        PrewarmCommands.Run run = prewarm("example.test/a@v1.0.0", goMod.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("modvault prewarm: " + goMod + ":3:")
                .contains("usage: require module/path v1.2.3");
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertThat(prewarm().err()).contains("no inputs");
        assertThat(prewarm("--jobs", "0", "example.test/a@v1.0.0").err()).contains("--jobs must be at least 1");
        assertThat(prewarm("--server", "ftp://x", "example.test/a@v1.0.0").err())
                .contains("not an http:// or https:// URL");
        assertThat(prewarm("--upstream", "gopher://x", "example.test/a@v1.0.0").err())
                .contains("configuration error");
        assertThat(prewarm("--json", temp.resolve("no/such/dir/r.json").toString(), "example.test/a@v1.0.0")
                        .err())
                .contains("its directory does not exist");
        for (String[] args :
                new String[][] {{}, {"--jobs", "0", "example.test/a@v1.0.0"}, {"example.test/a@upgrade"}, {"--bogus"}
                }) {
            assertThat(prewarm(args).exit()).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    @Test
    void malformedToolchainsAndPlatformsExitTwoWithOneLineBeforeTheStoreIsOpened() {
        assertThat(prewarm("--help").out()).contains("--toolchain=goVERSION").contains("--platform=GOOS/GOARCH");
        String[][] cases = {
            {"--toolchain", "1.22.5"},
            {"--toolchain", "go1.22"},
            {"--toolchain", "go1.20.5"},
            {"--toolchain", "go1.22.x", "example.test/a@v1.0.0"},
            {"--toolchain", "go1.22.5", "--platform", "linux/x86_64"},
            {"--platform", "linux/amd64", "example.test/a@v1.0.0"}
        };
        for (String[] args : cases) {
            PrewarmCommands.Run run = prewarm(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("modvault prewarm: ").doesNotContain("\n");
        }
        assertThat(prewarm("--toolchain", "go1.22").err().strip())
                .isEqualTo("modvault prewarm: --toolchain go1.22: a language version, not a toolchain;"
                        + " give a release such as go1.22.0");
        assertThat(temp.resolve("data")).doesNotExist();
    }
}
