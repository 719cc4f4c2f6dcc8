import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModule;
import io.modvault.server.BundleCommands;
import io.modvault.server.PrewarmCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Air-gap bundle throughput: N modules with incompressible ~S KiB zips are prewarmed from a fake
 * upstream with a test checksum database into store A; then timed: {@code modvault export --all},
 * {@code modvault import} into an empty store B (upstream off), and, for comparison, {@code tar cf}
 * of A's blob directory and {@code tar xf} of that tar. Prints one line per step (seconds, MB/s)
 * and import's cost per module. Usage: java -cp CP bench/BundleBench.java WORKDIR [n=N] [kib=S]
 */
public final class BundleBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opts.put(kv[0], kv[1]);
        }
        int n = Integer.parseInt(opts.getOrDefault("n", "200"));
        int kib = Integer.parseInt(opts.getOrDefault("kib", "1024"));
        Files.createDirectories(work);
        Random random = new Random(42);
        List<TestModule> modules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = String.format("bench.test/m%04d", i);
            byte[] data = new byte[kib * 1024];
            random.nextBytes(data);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("go.mod", ("module " + path + "\n\ngo 1.21\n").getBytes(StandardCharsets.UTF_8));
            files.put("data.bin", data);
            modules.add(new TestModule(path, "v1.0.0", files.get("go.mod"), files, Instant.parse("2026-01-01T00:00:00Z")));
        }
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sumdb.bench", modules);
        try (FakeUpstream upstream = FakeUpstream.start(GoProxyTree.write(work.resolve("upstream"), modules))) {
            database.mountOn(upstream);
            Path a = work.resolve("store-a");
            Path b = work.resolve("store-b");
            Map<String, String> envA = Map.of(
                    "MODVAULT_DATA_DIR", a.toString(), "GOPROXY", upstream.baseUrl(), "GOSUMDB", database.verifierKey());
            Map<String, String> envB =
                    Map.of("MODVAULT_DATA_DIR", b.toString(), "GOPROXY", "off", "GOSUMDB", database.verifierKey());
            String[] inputs = modules.stream().map(TestModule::coordinate).toArray(String[]::new);
            require(PrewarmCommands.run(envA, "", Duration.ofSeconds(30), inputs));
            Path bundle = work.resolve("a.bundle");
            long t0 = System.nanoTime();
            require(BundleCommands.export(envA, "--output", bundle.toString(), "--all"));
            double export = seconds(t0);
            t0 = System.nanoTime();
            PrewarmCommands.Run imported = BundleCommands.importBundle(envB, bundle.toString());
            require(imported);
            double importSecs = seconds(t0);
            double mb = Files.size(bundle) / 1e6;
            Path tar = work.resolve("blobs.tar");
            t0 = System.nanoTime();
            run(work, "tar", "cf", tar.toString(), "-C", a.toString(), ".");
            double tarC = seconds(t0);
            Path unpacked = Files.createDirectories(work.resolve("untar"));
            t0 = System.nanoTime();
            run(work, "tar", "xf", tar.toString(), "-C", unpacked.toString());
            double tarX = seconds(t0);
            System.out.printf("modules=%d zipKiB=%d bundleMB=%.1f tarMB=%.1f%n", n, kib, mb, Files.size(tar) / 1e6);
            System.out.printf("export: %.2f s, %.1f MB/s%n", export, mb / export);
            System.out.printf("import: %.2f s, %.1f MB/s, %.1f ms per module%n", importSecs, mb / importSecs, 1000 * importSecs / n);
            System.out.printf("tar cf store A: %.2f s, %.1f MB/s%n", tarC, Files.size(tar) / 1e6 / tarC);
            System.out.printf("tar xf: %.2f s, %.1f MB/s%n", tarX, Files.size(tar) / 1e6 / tarX);
            System.out.println(imported.out().strip());
        }
    }

    private static void require(PrewarmCommands.Run run) {
        if (run.exit() != 0) {
            throw new IllegalStateException(run.describe());
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
