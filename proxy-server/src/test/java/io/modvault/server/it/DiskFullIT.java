package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModules;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure 5: a full disk answered 500 with the Java exception and the absolute temp-file path.
 * The data directory is a small tmpfs that the test fills for real (needs root to mount; skipped
 * otherwise, the ENOSPC mapping is also covered by {@code ProxyRequestHandlerTest}).
 */
class DiskFullIT {
    @TempDir
    Path temp;

    private Path data;
    private boolean mounted;
    private FakeUpstream upstream;
    private RunningModvault modvault;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        data = Files.createDirectories(temp.resolve("data"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "modvault-test", data.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "a tmpfs data directory could not be mounted (root is needed): " + output);
    }

    @AfterEach
    void stop() throws Exception {
        if (modvault != null) {
            modvault.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (mounted && !unmountNow()) {
            // Something still holds a file there; detach it so the temp directory can go.
            new ProcessBuilder("umount", "-l", data.toString())
                    .inheritIO()
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
    }

    private boolean unmountNow() throws Exception {
        Process umount =
                new ProcessBuilder("umount", data.toString()).inheritIO().start();
        return umount.waitFor(30, TimeUnit.SECONDS) && umount.exitValue() == 0;
    }

    @Test
    void fullDiskAnswers507WithoutPathsAndTheSameRequestSucceedsOnceSpaceIsFreed() throws Exception {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        Path big = tree.addSized(TestModules.get(TestModules.NOMOD, "v1.0.0"), 2_000_000, new Random(11));
        String zip = "/" + tree.root().relativize(big);
        upstream = FakeUpstream.start(tree);
        modvault = RunningModvault.start(data, upstream.baseUrl(), Map.of());
        Path filler = data.resolve("filler");
        long filled = fillUntilFull(filler);

        HttpResponse<byte[]> full = modvault.get(zip);
        String body = new String(full.body(), StandardCharsets.UTF_8);
        assertThat(full.statusCode())
                .as("after writing %d filler bytes", filled)
                .isEqualTo(507);
        assertThat(body)
                .isEqualTo("insufficient storage: modvault's disk is full; retry once space is freed\n")
                .doesNotContain(data.toString())
                .doesNotContain("Exception");
        try (Stream<Path> left = Files.list(data.resolve("tmp"))) {
            assertThat(left.toList()).as("no temp file left behind").isEmpty();
        }

        Files.delete(filler);
        HttpResponse<byte[]> recovered = modvault.get(zip);
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(recovered.body()).isEqualTo(Files.readAllBytes(big));
        assertThat(new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8))
                .contains("modvault_disk_full_total 1.0");
    }

    private static long fillUntilFull(Path filler) {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (written < (1L << 30)) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException expected) {
            return written;
        }
        throw new AssertionError("a 64 MiB tmpfs took 1 GiB");
    }
}
