package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar started as an operator starts it ({@code java -jar modvault.jar}): on a Java too
 * old for it, {@code --version} on a recent one, and a second server on the first one's port or
 * data directory. Each start-up failure is one or two lines and exit status 2.
 */
class StartupIT {
    private static final int REQUIRED_JAVA = 21;

    @TempDir
    Path temp;

    @Test
    void olderJavaIsToldInOneLineWhichJavaIsNeeded() throws Exception {
        Path java = JarLauncher.olderJava(REQUIRED_JAVA)
                .orElseGet(
                        () -> abort("no JDK older than " + REQUIRED_JAVA + " under /usr/lib/jvm to run the jar with"));

        JarLauncher.Run run = JarLauncher.run(java, Map.of(), "--version");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines().toList())
                .singleElement()
                .asString()
                .matches("modvault needs Java 21 or newer, but this is Java 1?\\d+ \\(.+\\): install Java 21\\+ .*");
    }

    @Test
    void versionNamesTheMavenVersionAndTheCommit() throws Exception {
        JarLauncher.Run run = JarLauncher.run(JarLauncher.currentJava(), Map.of(), "--version");

        assertThat(run.exit()).as(run.toString()).isZero();
        String commit = GitCheckout.head().orElse("unknown");
        assertThat(run.stdout())
                .matches("modvault \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit " + Pattern.quote(commit) + "\\)\n");
    }

    @Test
    void secondServerOnTheSamePortOrDataDirectorySaysWhyAndExitsTwo() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        try (ModvaultProcess first =
                ModvaultProcess.start(data, "http://127.0.0.1:9", port, temp.resolve("first.log"))) {
            JarLauncher.Run samePort =
                    JarLauncher.run(JarLauncher.currentJava(), environment(temp.resolve("other"), port), "serve");
            JarLauncher.Run sameData =
                    JarLauncher.run(JarLauncher.currentJava(), environment(data, freePort()), "serve");

            assertThat(samePort.exit()).as(samePort.toString()).isEqualTo(2);
            assertThat(samePort.stderr().lines().toList())
                    .containsExactly(
                            "modvault serve: MODVAULT_LISTEN=127.0.0.1:" + port + ": port " + port
                                    + " is already in use by another process",
                            "modvault serve: stop that process (ss -ltnp shows which), or choose another port in"
                                    + " MODVAULT_LISTEN or --listen");
            assertThat(sameData.exit()).as(sameData.toString()).isEqualTo(2);
            assertThat(sameData.stderr().lines().toList())
                    .containsExactly(
                            "modvault serve: MODVAULT_DATA_DIR=" + data.toAbsolutePath()
                                    + ": the store is locked by another process (pid " + first.pid()
                                    + ", modvault serve)",
                            "modvault serve: stop the modvault using this data directory, or choose another one in"
                                    + " MODVAULT_DATA_DIR or --data-dir");
        }
    }

    private static Map<String, String> environment(Path data, int port) {
        return Map.of(
                "MODVAULT_DATA_DIR", data.toString(),
                "MODVAULT_LISTEN", "127.0.0.1:" + port,
                "GOPROXY", "http://127.0.0.1:9",
                "GOSUMDB", "off",
                "MODVAULT_SUMDB_PROXY", "off");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
