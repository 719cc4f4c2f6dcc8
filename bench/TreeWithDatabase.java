import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.sumdb.dirhash.DirHash;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark fixture: serves a GOPROXY tree on loopback with a checksum database recording every
 * module version in it (hashes computed from the tree's own .mod and .zip files), so a benchmark
 * can run modvault with verification on. Prints {@code upstream=<url>} and {@code gosumdb=<key>}
 * on standard output, then serves until standard input closes.
 *
 * <p>Usage: {@code java -cp $CP bench/TreeWithDatabase.java TREE_DIR}
 */
public final class TreeWithDatabase {
    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args[0]);
        TestChecksumLog log = TestChecksumLog.create("sumdb.bench");
        List<Path> mods;
        try (Stream<Path> files = Files.walk(tree)) {
            mods = files.filter(p -> p.toString().endsWith(".mod")).sorted().toList();
        }
        for (Path mod : mods) {
            String version = mod.getFileName().toString().replaceFirst("\\.mod$", "");
            String module = tree.relativize(mod.getParent().getParent()).toString();
            Path zip = mod.resolveSibling(version + ".zip");
            log.addRecord(module, version, DirHash.hashZip(zip), DirHash.hashGoMod(Files.readAllBytes(mod)));
        }
        FakeUpstream upstream = FakeUpstream.start(tree);
        ChecksumDatabaseServer database = ChecksumDatabaseServer.of(log).mountOn(upstream);
        System.out.println("upstream=" + upstream.baseUrl());
        System.out.println("gosumdb=" + database.verifierKey());
        System.out.println("records=" + mods.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serve until the benchmark script closes our standard input.
        }
        upstream.stop();
    }
}
