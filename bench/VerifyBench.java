import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.server.ModvaultServer;
import io.modvault.server.config.ConfigLoader;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.dirhash.DirHash;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.testing.TestChecksumLog;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Cost of checksum verification on a cold fetch, everything in one JVM on 127.0.0.1: a test
 * checksum database ({@link TestChecksumLog}, {@code records} records, the benchmark modules spread
 * evenly through filler records) mounted on a {@link FakeUpstream} that also serves {@code n}
 * small generated modules; for each modvault configuration a real server ({@link ModvaultServer})
 * with a fresh data directory, and the wall time of a cold {@code GET .mod} then {@code GET .zip}
 * per module, the modules one after another, from a JDK HttpClient.
 *
 * <p>Configurations: (a) GOSUMDB=off; (b) GOSUMDB=key, cold tile cache; (c) GOSUMDB=key after one
 * other module was fetched (upper tiles and tree head cached); (d) GOSUMDB=key with every tile the
 * modules need already cached (fetched beforehand through modvault's own /sumdb/ endpoint), so
 * only lookups go upstream. {@code warmup} rounds of all four are discarded (JIT); then
 * {@code rounds} measured rounds, the configuration order rotated per round. With
 * {@code extras=true}, passes with {@code clients} concurrent clients and with {@code latencyMs}
 * added to every checksum database answer. Finally, in the warm JVM, the ingredients of the
 * overhead are timed alone (loopback round trip, synced RocksDB write, proof and signatures on
 * in-memory tiles).
 *
 * <p>Run: {@code java -cp CP bench/VerifyBench.java WORKDIR [n=200] [records=100000] [rounds=3]
 * [warmup=1] [extras=true] [clients=8] [latencyMs=20]}; writes {@code WORKDIR/results.md} (tables)
 * and {@code WORKDIR/results.env} (numbers for bench/verify.sh). modvault's access log goes to
 * stdout, progress to stderr.
 */
public final class VerifyBench {
    private static final String VERSION = "v1.0.0";
    private static final String DB_NAME = "sumdb.bench";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One module's cold fetch: wall times of the .mod and the .zip request. */
    record Sample(long modNs, long zipNs) {
        long totalNs() {
            return modNs + zipNs;
        }
    }

    /** One measured pass of a configuration. */
    record Pass(String config, int round, List<Sample> samples, int lookups, int tiles, int otherDb,
                int distinctTiles, int upstreamModuleRequests, long verified, long skipped, List<String> tilePaths,
                long wallNs) {
    }

    enum Config {
        A("(a) GOSUMDB=off"), B("(b) GOSUMDB=key, cold tile cache"), C("(c) GOSUMDB=key, warmed by one module"),
        D("(d) GOSUMDB=key, all needed tiles cached");
        final String label;

        Config(String label) {
            this.label = label;
        }
    }

    private final Path work;
    private final List<TestModule> modules;
    private final TestModule warmModule;
    private final FakeUpstream upstream;
    private final ChecksumDatabaseServer database;
    private final Map<TestModule, byte[]> zips = new HashMap<>();
    private List<String> neededTiles = List.of();
    private final List<Long> cachedTileNs = new ArrayList<>();

    private VerifyBench(Path work, List<TestModule> modules, TestModule warmModule, FakeUpstream upstream,
                        ChecksumDatabaseServer database) {
        this.work = work;
        this.modules = modules;
        this.warmModule = warmModule;
        this.upstream = upstream;
        this.database = database;
    }

    /** Command-line settings: {@code WORKDIR [key=value ...]}. */
    record Settings(Path work, int n, int records, int rounds, int warmup, boolean extras, int clients, int latencyMs) {
        static Settings parse(String[] args) {
            if (args.length < 1) {
                System.err.println("usage: VerifyBench WORKDIR [n=200] [records=100000] [rounds=3] [warmup=1]"
                        + " [extras=true] [clients=8] [latencyMs=20]");
                System.exit(2);
            }
            Map<String, String> kv = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                kv.put(pair[0], pair[1]);
            }
            return new Settings(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(kv.getOrDefault("n", "200")),
                    Integer.parseInt(kv.getOrDefault("records", "100000")), Integer.parseInt(kv.getOrDefault("rounds", "3")),
                    Integer.parseInt(kv.getOrDefault("warmup", "1")), Boolean.parseBoolean(kv.getOrDefault("extras", "true")),
                    Integer.parseInt(kv.getOrDefault("clients", "8")), Integer.parseInt(kv.getOrDefault("latencyMs", "20")));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path work = settings.work();
        int n = settings.n();
        int records = settings.records();
        deleteTree(work.resolve("upstream"));
        Files.createDirectories(work);

        long t0 = System.nanoTime();
        List<TestModule> modules = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            modules.add(module(String.format(Locale.ROOT, "bench.test/m%04d", i), i));
        }
        TestModule warm = module("bench.test/warm", 0);
        GoProxyTree tree = GoProxyTree.create(work.resolve("upstream"));
        tree.add(warm);
        tree.addAll(modules);
        log("wrote %d modules to %s in %.1f s", n + 1, tree.root(), secs(t0));

        long t1 = System.nanoTime();
        TestChecksumLog sumLog = TestChecksumLog.create(DB_NAME);
        ChecksumDatabaseServer database = ChecksumDatabaseServer.of(sumLog);
        Map<Long, TestModule> positions = positions(warm, modules, records);
        Random filler = new Random(42);
        for (long id = 0; id < records; id++) {
            TestModule m = positions.get(id);
            if (m != null) {
                long got = database.add(m);
                if (got != id) {
                    throw new IllegalStateException(m.coordinate() + " became record " + got + ", wanted " + id);
                }
            } else {
                sumLog.addRecord(String.format(Locale.ROOT, "filler.test/f%06d", id), VERSION, fakeH1(filler), fakeH1(filler));
            }
        }
        double buildSecs = secs(t1);
        log("checksum log: %d records (%d benchmark modules + warm-up module at spaced positions) built in %.1f s",
                sumLog.size(), n, buildSecs);

        try (FakeUpstream up = FakeUpstream.start(tree)) {
            database.mountOn(up);
            VerifyBench bench = new VerifyBench(work, modules, warm, up, database);
            for (TestModule m : modules) {
                bench.zips.put(m, Files.readAllBytes(tree.file(GoProxyTree.zipPath(m))));
            }
            bench.run(settings, buildSecs, positions);
        }
    }

    private void run(Settings settings, double buildSecs, Map<Long, TestModule> positions) throws Exception {
        long start = System.nanoTime();
        Config[] order = Config.values();
        for (int w = 1; w <= settings.warmup(); w++) {
            log("warm-up round %d of %d (discarded)", w, settings.warmup());
            for (Config config : order) {
                Pass p = pass(config, "w" + w, 1, Duration.ZERO);
                if (config == Config.B && neededTiles.isEmpty()) {
                    neededTiles = p.tilePaths();
                }
            }
        }
        if (neededTiles.isEmpty()) {
            neededTiles = pass(Config.B, "w", 1, Duration.ZERO).tilePaths();
        }
        List<Pass> passes = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int k = 0; k < order.length; k++) {
                Config config = order[(k + round - 1) % order.length];
                Pass p = pass(config, "r" + round, 1, Duration.ZERO);
                passes.add(new Pass(p.config(), round, p.samples(), p.lookups(), p.tiles(), p.otherDb(), p.distinctTiles(),
                        p.upstreamModuleRequests(), p.verified(), p.skipped(), p.tilePaths(), p.wallNs()));
                log("round %d %-42s mod+zip median %6.2f ms p90 %6.2f ms; sumdb lookups %d tiles %d other %d",
                        round, config.label, ms(pct(p.samples(), Sample::totalNs, 50)),
                        ms(pct(p.samples(), Sample::totalNs, 90)), p.lookups(), p.tiles(), p.otherDb());
            }
        }
        double measureSecs = secs(start);
        List<Extra> extras = new ArrayList<>();
        if (settings.extras()) {
            Duration latency = Duration.ofMillis(settings.latencyMs());
            int k = settings.clients();
            extras.add(extra(Config.A, k, Duration.ZERO));
            extras.add(extra(Config.B, 1, latency));
            extras.add(extra(Config.B, k, latency));
            extras.add(extra(Config.D, k, latency));
        }
        Components components = components();
        write(passes, extras, settings, buildSecs, measureSecs, components, positions);
    }

    /** A pass outside the main table: several clients at once and/or a slower checksum database. */
    record Extra(Config config, int clients, Duration latency, Pass pass) {
    }

    private Extra extra(Config config, int clients, Duration latency) throws Exception {
        Pass p = pass(config, "x" + clients + "-" + latency.toMillis(), clients, latency);
        log("extra %-42s clients %d, database latency %d ms: %d modules in %.2f s", config.label, clients,
                latency.toMillis(), p.samples().size(), p.wallNs() / 1e9);
        return new Extra(config, clients, latency, p);
    }

    /**
     * One configuration on a fresh server and data directory: {@code clients} client threads
     * share the module list; every checksum database request is delayed by {@code dbLatency}
     * during the measured fetches only.
     */
    private Pass pass(Config config, String tag, int clients, Duration dbLatency) throws Exception {
        Path data = work.resolve("data-" + config.name().toLowerCase(Locale.ROOT) + "-" + tag);
        deleteTree(data);
        Map<String, String> env = new HashMap<>();
        env.put("MODVAULT_LISTEN", "127.0.0.1:0");
        env.put("MODVAULT_DATA_DIR", data.toString());
        env.put("GOPROXY", upstream.baseUrl());
        env.put("GOSUMDB", config == Config.A ? "off" : database.verifierKey());
        ModvaultServer server = ModvaultServer.start(ConfigLoader.load(env, Optional.empty(), Map.of()));
        try {
            String base = "http://127.0.0.1:" + server.port();
            if (config == Config.C) {
                fetchChecked(base, warmModule, null);
            }
            if (config == Config.D) {
                for (String tile : neededTiles) {
                    HttpResponse<byte[]> r = get(base + "/sumdb/" + DB_NAME + tile);
                    require(r.statusCode() == 200, "prefetching " + tile + ": " + r.statusCode());
                }
                // The same tiles again, now from modvault's cache: what a go client pays modvault per tile.
                for (String tile : neededTiles) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = get(base + "/sumdb/" + DB_NAME + tile);
                    cachedTileNs.add(System.nanoTime() - t0);
                    require(r.statusCode() == 200, "cached " + tile + ": " + r.statusCode());
                }
            }
            if (!dbLatency.isZero()) {
                upstream.on(p -> p.startsWith("/sumdb/"), Reply.serve().delayHeaders(dbLatency));
            }
            database.resetCounts();
            upstream.resetCounts();
            Sample[] samples = new Sample[modules.size()];
            long wall0 = System.nanoTime();
            if (clients == 1) {
                for (int i = 0; i < modules.size(); i++) {
                    samples[i] = fetchChecked(base, modules.get(i), zips.get(modules.get(i)));
                }
            } else {
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                try {
                    List<Future<?>> workers = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        workers.add(pool.submit(() -> {
                            for (int i = next.getAndIncrement(); i < modules.size(); i = next.getAndIncrement()) {
                                samples[i] = fetchChecked(base, modules.get(i), zips.get(modules.get(i)));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> w : workers) {
                        w.get(5, TimeUnit.MINUTES);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            long wallNs = System.nanoTime() - wall0;
            upstream.clearRules();
            List<String> dbLog = database.requestLog();
            int lookups = (int) dbLog.stream().filter(p -> p.startsWith("/lookup/")).count();
            List<String> tiles = dbLog.stream().filter(p -> p.startsWith("/tile/")).toList();
            int moduleRequests = (int) upstream.requestLog().stream().filter(p -> !p.startsWith("/sumdb/")).count();
            String metrics = new String(get(base + "/metrics").body(), StandardCharsets.UTF_8);
            long verified = counter(metrics, "modvault_checksum_verified_total");
            long skipped = counter(metrics, "modvault_checksum_skipped_total");
            long expectVerified = config == Config.A ? 0 : 2L * modules.size() + (config == Config.C ? 2 : 0);
            require(verified == expectVerified, config + ": verified " + verified + ", expected " + expectVerified);
            require(skipped == (config == Config.A ? 2L * modules.size() : 0), config + ": skipped " + skipped);
            return new Pass(config.label, 0, List.of(samples), lookups, tiles.size(), dbLog.size() - lookups - tiles.size(),
                    new LinkedHashSet<>(tiles).size(), moduleRequests, verified, skipped,
                    List.copyOf(new LinkedHashSet<>(tiles)), wallNs);
        } finally {
            upstream.clearRules();
            server.close();
            deleteTree(data);
        }
    }

    /** GET .mod then .zip, each timed; both must be 200 with exactly the upstream's bytes. */
    private Sample fetchChecked(String base, TestModule m, byte[] zip) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> mod = get(base + "/" + GoProxyTree.modPath(m));
        long t1 = System.nanoTime();
        HttpResponse<byte[]> z = get(base + "/" + GoProxyTree.zipPath(m));
        long t2 = System.nanoTime();
        require(mod.statusCode() == 200 && Arrays.equals(mod.body(), m.goMod()),
                m.coordinate() + " .mod: " + mod.statusCode() + " " + new String(mod.body(), StandardCharsets.UTF_8));
        require(z.statusCode() == 200 && (zip == null || Arrays.equals(z.body(), zip)),
                m.coordinate() + " .zip: " + z.statusCode());
        return new Sample(t1 - t0, t2 - t1);
    }

    /** The overhead's ingredients, timed alone in the warm JVM. */
    record Components(double rttTileMs, double rttModMs, double syncPutMs, double proofMs, double noteMs,
                      double hashModMs, double hashZipMs, double cachedTileMs, Map<Integer, Double> bodySizeMs) {
    }

    private Components components() throws Exception {
        // Loopback round trip to the fake upstream, as modvault's reads of the database cost it.
        String tileUrl = upstream.baseUrl() + "/sumdb/" + DB_NAME + neededTiles.getFirst();
        String modUrl = upstream.baseUrl() + "/" + GoProxyTree.modPath(modules.getFirst());
        List<Long> rttTile = new ArrayList<>();
        List<Long> rttMod = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            require(get(tileUrl).statusCode() == 200, tileUrl);
            long t1 = System.nanoTime();
            require(get(modUrl).statusCode() == 200, modUrl);
            long t2 = System.nanoTime();
            if (i >= 100) {
                rttTile.add(t1 - t0);
                rttMod.add(t2 - t1);
            }
        }
        // Plain files of several sizes from the fake upstream: where the JDK server's Nagle stall starts.
        Map<Integer, Double> bodySizeMs = new LinkedHashMap<>();
        for (int size : new int[] {1000, 8000, 8100, 8192, 20_000, 1_000_000}) {
            Path file = work.resolve("upstream").resolve("probe").resolve(size + ".bin");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[size]);
            String url = upstream.baseUrl() + "/probe/" + size + ".bin";
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = get(url);
                long t1 = System.nanoTime();
                require(r.statusCode() == 200 && r.body().length == size, url);
                if (i >= 10) {
                    times.add(t1 - t0);
                }
            }
            bodySizeMs.put(size, ms(pct(times, 50)));
        }
        // One synced RocksDB write of a small entry, as each cached lookup and tile costs.
        Path storeDir = work.resolve("store-probe");
        deleteTree(storeDir);
        List<Long> puts = new ArrayList<>();
        byte[] value = new byte[8 * 32];
        try (RocksDbModuleStore store = RocksDbModuleStore.open(storeDir, Clock.systemUTC())) {
            for (int i = 0; i < 250; i++) {
                long t0 = System.nanoTime();
                store.put(EntryKey.of(EntryKind.SUMDB, DB_NAME + "/tile/8/0/" + i), value);
                if (i >= 50) {
                    puts.add(System.nanoTime() - t0);
                }
            }
        } finally {
            deleteTree(storeDir);
        }
        // Proof + signature checks as ModuleVerifier runs them once per artifact, tiles in memory.
        TestChecksumLog log = database.log();
        VerifierKey key = VerifierKey.parse(log.verifierKey());
        SumdbVerifier verifier = new SumdbVerifier(key);
        TreeHead head = verifier.verifyTreeHead(log.signedTreeHead());
        List<Long> proofs = new ArrayList<>();
        List<Long> notes = new ArrayList<>();
        List<Long> hashMod = new ArrayList<>();
        List<Long> hashZip = new ArrayList<>();
        Path zipFile = upstreamZip(modules.getFirst());
        for (int rep = 0; rep < 3; rep++) {
            for (TestModule m : modules) {
                byte[] body = log.lookup(m.path(), m.version()).orElseThrow();
                long t0 = System.nanoTime();
                // ModuleVerifier: TrustedTreeHeads.current() re-verifies the stored head's signature ...
                verifier.verifyTreeHead(head.signedNote().orElseThrow());
                long t1 = System.nanoTime();
                // ... then verifyLookup verifies the lookup's note and proves inclusion.
                verifier.verifyLookup(m.path(), m.version(), body, Optional.of(head), log.tileSource());
                long t2 = System.nanoTime();
                DirHash.hashGoMod(m.goMod());
                long t3 = System.nanoTime();
                DirHash.hashZip(zipFile);
                long t4 = System.nanoTime();
                if (rep > 0) {
                    notes.add(t1 - t0);
                    proofs.add(t2 - t1);
                    hashMod.add(t3 - t2);
                    hashZip.add(t4 - t3);
                }
            }
        }
        return new Components(ms(pct(rttTile, 50)), ms(pct(rttMod, 50)), ms(pct(puts, 50)), ms(pct(proofs, 50)),
                ms(pct(notes, 50)), ms(pct(hashMod, 50)), ms(pct(hashZip, 50)), ms(pct(cachedTileNs, 50)), bodySizeMs);
    }

    private Path upstreamZip(TestModule m) {
        Path zip = work.resolve("upstream").resolve(GoProxyTree.zipPath(m));
        require(Files.isRegularFile(zip), "missing " + zip);
        return zip;
    }

    private void write(List<Pass> passes, List<Extra> extras, Settings settings, double buildSecs, double measureSecs,
                       Components c, Map<Long, TestModule> positions) throws IOException {
        int rounds = settings.rounds();
        int records = settings.records();
        Map<String, List<Pass>> byConfig = new LinkedHashMap<>();
        for (Config config : Config.values()) {
            byConfig.put(config.label, passes.stream().filter(p -> p.config().equals(config.label)).toList());
        }
        Map<String, Double> medTotal = new HashMap<>();
        Map<String, Double> p90Total = new HashMap<>();
        StringBuilder md = new StringBuilder();
        md.append("| configuration | samples | .mod median | .mod p90 | .zip median | .zip p90 | **mod+zip median** | mod+zip p90 | first module (median of rounds) | overhead vs (a), median | overhead vs (a), p90 |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        String offLabel = Config.A.label;
        List<Sample> off = all(byConfig.get(offLabel));
        double offMed = ms(pct(off, Sample::totalNs, 50));
        double offP90 = ms(pct(off, Sample::totalNs, 90));
        for (Map.Entry<String, List<Pass>> e : byConfig.entrySet()) {
            List<Sample> s = all(e.getValue());
            double med = ms(pct(s, Sample::totalNs, 50));
            double p90 = ms(pct(s, Sample::totalNs, 90));
            medTotal.put(e.getKey(), med);
            p90Total.put(e.getKey(), p90);
            List<Long> firsts = e.getValue().stream().map(p -> p.samples().getFirst().totalNs()).toList();
            boolean isOff = e.getKey().equals(offLabel);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | **%.2f** | %.2f | %.1f | %s | %s |%n",
                    e.getKey(), s.size(), ms(pct(s, Sample::modNs, 50)), ms(pct(s, Sample::modNs, 90)),
                    ms(pct(s, Sample::zipNs, 50)), ms(pct(s, Sample::zipNs, 90)), med, p90, ms(pct(firsts, 50)),
                    isOff ? "—" : String.format(Locale.ROOT, "%+.2f ms (%+.0f %%)", med - offMed, 100 * (med - offMed) / offMed),
                    isOff ? "—" : String.format(Locale.ROOT, "%+.2f ms", p90 - offP90)));
        }
        md.append("\nTimes in ms, wall clock at the client, per module; percentiles over all modules of all rounds (nearest rank).\n");
        md.append("\n### Per round (mod+zip median / p90, ms)\n\n| configuration |");
        for (int r = 1; r <= rounds; r++) {
            md.append(" round ").append(r).append(" |");
        }
        md.append("\n| --- |").append(" ---: |".repeat(rounds)).append('\n');
        for (Map.Entry<String, List<Pass>> e : byConfig.entrySet()) {
            md.append("| ").append(e.getKey()).append(" |");
            for (Pass p : e.getValue().stream().sorted(Comparator.comparingInt(Pass::round)).toList()) {
                md.append(String.format(Locale.ROOT, " %.2f / %.2f |", ms(pct(p.samples(), Sample::totalNs, 50)),
                        ms(pct(p.samples(), Sample::totalNs, 90))));
            }
            md.append('\n');
        }
        md.append("\n### Checksum database requests during the measured fetches\n\n");
        md.append("| configuration | lookups / module | tiles / module | distinct tiles / pass | other (supported, latest) / pass | verified artifacts / pass | upstream module requests / module |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        int n = modules.size();
        for (Map.Entry<String, List<Pass>> e : byConfig.entrySet()) {
            List<Pass> ps = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.1f | %.1f | %.0f | %.2f |%n", e.getKey(),
                    avg(ps, Pass::lookups) / n, avg(ps, Pass::tiles) / n, avg(ps, Pass::distinctTiles),
                    avg(ps, Pass::otherDb), avg(ps, Pass::verified), avg(ps, Pass::upstreamModuleRequests) / n));
        }
        Pass cold = byConfig.get(Config.B.label).getFirst();
        md.append("\nTiles the first measured round of (b) fetched (in order): `")
                .append(String.join("`, `", cold.tilePaths().subList(0, Math.min(8, cold.tilePaths().size()))))
                .append(cold.tilePaths().size() > 8 ? "`, … (" + cold.tilePaths().size() + " in all)" : "`").append(".\n");
        if (!extras.isEmpty()) {
            md.append("\n### Extra: several clients at once, and a checksum database farther away\n\n");
            md.append("Each row one pass over the same ").append(n).append(" modules on a fresh server; the latency is added")
                    .append(" before every checksum database answer (`FakeUpstream.on(…, Reply.serve().delayHeaders(…))`)")
                    .append(" during the measured fetches only.\n\n");
            md.append("| configuration | clients | database latency | wall time, all modules | modules/s | mod+zip median | mod+zip p90 | lookups / module | tiles / module |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Extra x : extras) {
                Pass p = x.pass();
                md.append(String.format(Locale.ROOT, "| %s | %d | %d ms | %.2f s | %.0f | %.2f | %.2f | %.3f | %.3f |%n",
                        x.config().label, x.clients(), x.latency().toMillis(), p.wallNs() / 1e9, n / (p.wallNs() / 1e9),
                        ms(pct(p.samples(), Sample::totalNs, 50)), ms(pct(p.samples(), Sample::totalNs, 90)),
                        (double) p.lookups() / n, (double) p.tiles() / n));
            }
        }
        md.append("\n### Components, timed alone in the same (warm) JVM\n\n| what | median ms |\n| --- | ---: |\n");
        md.append(String.format(Locale.ROOT, "| loopback GET of a tile from the fake upstream (JDK HttpClient, keep-alive) | %.3f |%n", c.rttTileMs()));
        md.append(String.format(Locale.ROOT, "| loopback GET of a .mod from the fake upstream | %.3f |%n", c.rttModMs()));
        md.append(String.format(Locale.ROOT, "| GET of a cached full tile from modvault's own `/sumdb/` endpoint (Netty), in (d) | %.3f |%n", c.cachedTileMs()));
        c.bodySizeMs().forEach((size, t) -> md.append(String.format(Locale.ROOT,
                "| loopback GET of a %d-byte file from the fake upstream | %.3f |%n", size, t)));
        md.append(String.format(Locale.ROOT, "| one synced RocksDB put of a 256-byte entry (`RocksDbModuleStore.put`) | %.3f |%n", c.syncPutMs()));
        md.append(String.format(Locale.ROOT, "| `SumdbVerifier.verifyTreeHead` (Ed25519 check of the stored trusted head) | %.3f |%n", c.noteMs()));
        md.append(String.format(Locale.ROOT, "| `SumdbVerifier.verifyLookup` (note signature + inclusion proof, tiles in memory) | %.3f |%n", c.proofMs()));
        md.append(String.format(Locale.ROOT, "| `DirHash.hashGoMod` | %.3f |%n", c.hashModMs()));
        md.append(String.format(Locale.ROOT, "| `DirHash.hashZip` of one benchmark zip | %.3f |%n", c.hashZipMs()));
        Files.writeString(work.resolve("results.md"), md.toString());

        TestModule first = modules.getFirst();
        long firstId = positions.entrySet().stream().filter(e -> e.getValue().equals(first)).findFirst().orElseThrow().getKey();
        StringBuilder env = new StringBuilder();
        env.append("N=").append(n).append('\n').append("RECORDS=").append(records).append('\n');
        env.append("ROUNDS=").append(rounds).append('\n');
        env.append(String.format(Locale.ROOT, "BUILD_SECS=%.1f%nMEASURE_SECS=%.1f%n", buildSecs, measureSecs));
        env.append("FIRST_ID=").append(firstId).append('\n');
        env.append("SPACING=").append(records / (n + 1)).append('\n');
        env.append("ZIP_BYTES=").append(zips.get(first).length).append('\n');
        String[] keys = {"A", "B", "C", "D"};
        for (int i = 0; i < keys.length; i++) {
            String label = Config.values()[i].label;
            List<Pass> ps = byConfig.get(label);
            List<Sample> s = all(ps);
            env.append(String.format(Locale.ROOT, "MED_%s=%.2f%nP90_%s=%.2f%nMODMED_%s=%.2f%nZIPMED_%s=%.2f%nFIRST_%s=%.1f%n",
                    keys[i], medTotal.get(label), keys[i], p90Total.get(label), keys[i], ms(pct(s, Sample::modNs, 50)),
                    keys[i], ms(pct(s, Sample::zipNs, 50)), keys[i],
                    ms(pct(ps.stream().map(p -> p.samples().getFirst().totalNs()).toList(), 50))));
            env.append(String.format(Locale.ROOT, "LOOKUPS_%s=%.3f%nTILES_%s=%.3f%n", keys[i], avg(ps, Pass::lookups) / n,
                    keys[i], avg(ps, Pass::tiles) / n));
        }
        env.append(String.format(Locale.ROOT, "RTT_TILE=%.3f%nRTT_MOD=%.3f%nSYNC_PUT=%.3f%nPROOF=%.3f%nNOTE=%.3f%nHASH_MOD=%.3f%nHASH_ZIP=%.3f%nCACHED_TILE=%.3f%n",
                c.rttTileMs(), c.rttModMs(), c.syncPutMs(), c.proofMs(), c.noteMs(), c.hashModMs(), c.hashZipMs(), c.cachedTileMs()));
        String[] extraKeys = {"XA", "XB1", "XB", "XD"};
        for (int i = 0; i < extras.size(); i++) {
            Pass p = extras.get(i).pass();
            env.append(String.format(Locale.ROOT, "WALL_%s=%.2f%nRATE_%s=%.0f%nXMED_%s=%.2f%n", extraKeys[i], p.wallNs() / 1e9,
                    extraKeys[i], n / (p.wallNs() / 1e9), extraKeys[i], ms(pct(p.samples(), Sample::totalNs, 50))));
        }
        if (!extras.isEmpty()) {
            env.append("CLIENTS=").append(settings.clients()).append('\n').append("LATENCY=").append(settings.latencyMs()).append('\n');
        }
        c.bodySizeMs().forEach((size, t) -> env.append(String.format(Locale.ROOT, "BODY_%d=%.3f%n", size, t)));
        env.append("NODELAY=").append(Boolean.getBoolean("sun.net.httpserver.nodelay")).append('\n');
        Files.writeString(work.resolve("results.env"), env.toString());
        log("wrote %s and %s (measurement %.0f s)", work.resolve("results.md"), work.resolve("results.env"), measureSecs);
    }

    /**
     * Record ids of the warm-up module and the benchmark modules: evenly spread over the log, so
     * (as for modules requested from a real database) each lies in its own level-0 tile.
     */
    private static Map<Long, TestModule> positions(TestModule warm, List<TestModule> modules, int records) {
        int slots = modules.size() + 1;
        long spacing = records / slots;
        if (spacing < 1L << TestChecksumLog.TILE_HEIGHT) {
            log("note: spacing %d < 256 records, several modules share a level-0 tile", spacing);
        }
        Map<Long, TestModule> positions = new HashMap<>();
        for (int k = 0; k < slots; k++) {
            positions.put(k * spacing + spacing / 2, k == 0 ? warm : modules.get(k - 1));
        }
        return positions;
    }

    /** A small module: go.mod and one Go file of about 4 KB, deterministic per index. */
    private static TestModule module(String path, int index) {
        String pkg = path.substring(path.lastIndexOf('/') + 1);
        StringBuilder src = new StringBuilder("// Package ").append(pkg).append(" is benchmark filler.\npackage ")
                .append(pkg).append("\n\n");
        Random random = new Random(index);
        for (int f = 0; src.length() < 4096; f++) {
            src.append("// F").append(f).append(" returns a constant of module ").append(path).append(".\n");
            src.append("func F").append(f).append("() int {\n\treturn ").append(random.nextInt(1_000_000)).append("\n}\n\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", "module " + path + "\n\ngo 1.21\n");
        files.put(pkg + ".go", src.toString());
        return TestModule.of(path, VERSION, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(index), files);
    }

    private static String fakeH1(Random random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return "h1:" + Base64.getEncoder().encodeToString(hash);
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long counter(String metrics, String name) {
        return (long) metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<Sample> all(List<Pass> passes) {
        return passes.stream().flatMap(p -> p.samples().stream()).toList();
    }

    private static double avg(List<Pass> passes, ToLongFunction<Pass> f) {
        return passes.stream().mapToLong(f).average().orElse(Double.NaN);
    }

    private static long pct(List<Sample> samples, ToLongFunction<Sample> f, int p) {
        return pct(samples.stream().map(s -> f.applyAsLong(s)).toList(), p);
    }

    /** Nearest-rank percentile. */
    private static long pct(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[VerifyBench] " + format + "%n", args);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}
