package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.it.VerifyProcess.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modvault verify} as a separate process, next to a real server process on the same data directory. */
class VerifyCommandIT {

    @TempDir
    Path temp;

    @Test
    void refusesWhileAServerHoldsTheDataDirectoryAndPassesOnceItStopped() throws Exception {
        List<TestModule> modules = List.of(
                TestModules.get(TestModules.UPPER, "v1.0.0"),
                TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible"));
        Path data = RecordedStore.populate(temp.resolve("data"), modules, temp.resolve("zips"));
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(tree)) {
            Run whileServing;
            try (ModvaultProcess server =
                    ModvaultProcess.start(data, upstream.baseUrl(), freePort(), temp.resolve("server.log"))) {
                whileServing = verify(data);
                assertThat(server.terminate()).isIn(0, 143);
            }
            Run afterwards = verify(data);

            assertThat(whileServing.exit()).as(whileServing.toString()).isEqualTo(2);
            assertThat(whileServing.stderr())
                    .contains(
                            "is locked by another process",
                            "stop the modvault server using this data directory before running verify");
            assertThat(whileServing.stdout()).isEmpty();
            assertThat(afterwards.exit()).as(afterwards.toString()).isZero();
            assertThat(afterwards.stdout()).isEqualTo("checked 2 mod, 2 zip: 0 problems\n");
        }
    }

    @Test
    void reportsATamperedBlobWithExitStatusOne() throws Exception {
        TestModule legacy = TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible");
        Path data = RecordedStore.populate(temp.resolve("data"), List.of(legacy), temp.resolve("zips"));
        try (var blobs = Files.walk(data.resolve("blobs"))) {
            Path blob = blobs.filter(Files::isRegularFile).findFirst().orElseThrow();
            // A valid zip of the same version with other content in place of the stored one: bytes changed on disk.
            Map<String, byte[]> files = new HashMap<>(legacy.files());
            files.put("extra.go", "package legacy\n".getBytes(StandardCharsets.UTF_8));
            Files.write(
                    blob,
                    ModuleZips.bytes(
                            new TestModule(legacy.path(), legacy.version(), legacy.goMod(), files, legacy.time())));
        }

        Run run = verify(data);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout())
                .startsWith("CORRUPT example.test/legacy@v2.0.0+incompatible zip: blob is ")
                .contains("\nCHANGED example.test/legacy@v2.0.0+incompatible zip: recorded h1:")
                .endsWith("checked 1 mod, 1 zip: 2 problems\n");
    }

    private static Run verify(Path data) throws IOException, InterruptedException {
        return VerifyProcess.run(data);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
