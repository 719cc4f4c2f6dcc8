package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prewarm --feed}'s usage errors: each exits 2 with one line naming the problem, before any request. */
class PrewarmFeedOptionsTest {
    @TempDir
    Path dir;

    private PrewarmCommands.Run prewarm(String... args) {
        return PrewarmCommands.run(
                Map.of("MODVAULT_DATA_DIR", dir.resolve("data").toString()), "", Duration.ofSeconds(5), args);
    }

    private void assertUsage(String expected, String... args) {
        PrewarmCommands.Run run = prewarm(args);
        assertThat(run.exit()).as(run.describe()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(expected);
    }

    @Test
    void feedOptionsAloneOrMisusedAreUsageErrors() {
        assertUsage("--since and --feed-state go with --feed URL", "--since", "2026-01-01T00:00:00Z");
        assertUsage("give no INPUT with it", "--feed", "http://127.0.0.1:1/index", "example.com/m@v1.0.0");
        assertUsage("not an http:// or https:// URL", "--feed", "ftp://dmz.example/index");
        assertUsage("needs --feed-state FILE", "--feed", "http://127.0.0.1:1/index", "--server", "http://127.0.0.1:1");
        assertUsage("not an RFC 3339 time", "--feed", "http://127.0.0.1:1/index", "--since", "yesterday");
    }

    @Test
    void aStateFileOfAnotherFeedIsRefused() throws Exception {
        Path state = dir.resolve("state.json");
        Files.writeString(
                state, "{\"feed\":\"http://other.example/index\",\"since\":\"2026-01-01T00:00:00Z\",\"done\":[]}");

        assertUsage(
                "belongs to http://other.example/index",
                "--feed",
                "http://127.0.0.1:1/index",
                "--feed-state",
                state.toString());
    }

    @Test
    void anUnreachableFeedFailsWithExitOneAndLeavesNoState() {
        PrewarmCommands.Run run = prewarm("--feed", "http://127.0.0.1:1/index");

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("http://127.0.0.1:1/index?since=");
        assertThat(dir.resolve("data").resolve("feeds")).doesNotExist();
    }
}
