package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.server.it.GitCheckout;
import io.modvault.server.prewarm.PrewarmRun;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code modvault --version}: the Maven version and the git commit, filled in at build time. */
class VersionsTest {

    @Test
    void versionFlagPrintsTheMavenVersionAndTheCommit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrewarmRun.Io io = new PrewarmRun.Io(
                Map.of(),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false,
                Duration.ofSeconds(5),
                Clock.systemUTC());

        int exit = Main.commandLine(io).execute("--version");

        assertThat(exit).isZero();
        // The commit of this checkout, or "unknown" when the sources are not in git (a tarball).
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("modvault \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit "
                        + Pattern.quote(GitCheckout.head().orElse("unknown")) + "\\)\n");
    }

    @Test
    void valueLeftUnfilledByABuildWithoutGitReadsUnknown() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.3");
        build.setProperty("commit", "${git.commit.id.describe}");

        assertThat(Versions.value(build, "version")).isEqualTo("1.2.3");
        assertThat(Versions.value(build, "commit")).isEqualTo("unknown");
        assertThat(Versions.value(new Properties(), "version")).isEqualTo("unknown");
    }
}
