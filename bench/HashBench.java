import io.modvault.sumdb.dirhash.DirHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Throughput of DirHash.hashZip (the h1: of a module zip) on the given zip files, in one JVM:
 * per file, warm-up runs (at least 3 and 2 s) so the JIT and the SHA-256 intrinsic are in place,
 * then at least 5 measured runs (and at least 3 s, at most 101 runs). Prints one line per file:
 * {@code RESULT <file> <bytes> <runs> <median ns> <min ns> <max ns> <h1>}; MB/s are computed by
 * bench/hash.sh from the zip file size (MB = 10^6 bytes).
 *
 * <p>Run: {@code java -cp sumdb-verifier/target/sumdb-verifier-<version>.jar bench/HashBench.java ZIP...}
 */
public final class HashBench {
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int MIN_RUNS = 5;
    private static final int MAX_RUNS = 101;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HashBench ZIP...");
            System.exit(2);
        }
        for (String arg : args) {
            Path zip = Path.of(arg);
            long bytes = Files.size(zip);
            String hash = DirHash.hashZip(zip);
            long warmStart = System.nanoTime();
            for (int i = 0; i < 3 || System.nanoTime() - warmStart < WARMUP_NANOS; i++) {
                requireSame(hash, DirHash.hashZip(zip), zip);
            }
            List<Long> runs = new ArrayList<>();
            long measureStart = System.nanoTime();
            while (runs.size() < MIN_RUNS || (System.nanoTime() - measureStart < MEASURE_NANOS && runs.size() < MAX_RUNS)) {
                long start = System.nanoTime();
                String again = DirHash.hashZip(zip);
                runs.add(System.nanoTime() - start);
                requireSame(hash, again, zip);
            }
            Collections.sort(runs);
            long median = runs.size() % 2 == 1 ? runs.get(runs.size() / 2)
                    : (runs.get(runs.size() / 2 - 1) + runs.get(runs.size() / 2)) / 2;
            System.out.printf("RESULT %s %d %d %d %d %d %s%n", zip, bytes, runs.size(), median, runs.getFirst(),
                    runs.getLast(), hash);
        }
    }

    private static void requireSame(String expected, String actual, Path zip) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(zip + ": hash changed between runs: " + expected + " vs " + actual);
        }
    }
}
