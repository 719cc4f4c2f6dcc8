package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modvault verify} as a separate process, next to a real server process on the same data directory. */
class VerifyCommandIT {

    record Run(int exit, String stdout, String stderr) {
    }

    @TempDir
    Path temp;

    @Test
    void refusesWhileAServerHoldsTheDataDirectoryAndPassesOnceItStopped() throws Exception {
        List<TestModule> modules = List.of(TestModules.get(TestModules.UPPER, "v1.0.0"),
                TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible"));
        Path data = RecordedStore.populate(temp.resolve("data"), modules, temp.resolve("zips"));
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(tree)) {
            Run whileServing;
            try (ModvaultProcess server = ModvaultProcess.start(data, upstream.baseUrl(), freePort(), temp.resolve("server.log"))) {
                whileServing = verify(data);
                assertThat(server.terminate()).isIn(0, 143);
            }
            Run afterwards = verify(data);

            assertThat(whileServing.exit()).as(whileServing.toString()).isEqualTo(2);
            assertThat(whileServing.stderr()).contains("is locked by another process",
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
            Files.write(blob, ModuleZips.bytes(new TestModule(legacy.path(), legacy.version(), legacy.goMod(), files, legacy.time())));
        }

        Run run = verify(data);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("CHANGED example.test/legacy@v2.0.0+incompatible zip: recorded h1:")
                .endsWith("checked 1 mod, 1 zip: 1 problem\n");
    }

    /** Runs {@code modvault verify} as its own process on {@code data}. */
    static Run verify(Path data) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.modvault.server.Main", "verify");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MODVAULT_"));
        env.put("MODVAULT_DATA_DIR", data.toString());
        Path out = Files.createTempFile(data.getParent(), "verify", ".out");
        Path err = Files.createTempFile(data.getParent(), "verify", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("modvault verify did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
