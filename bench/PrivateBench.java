import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.module.ModulePath;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.GitHttpServer;
import io.modvault.core.testing.GitRepoBuilder;
import io.modvault.core.testing.GoDirect;
import io.modvault.core.testing.GoResult;
import io.modvault.core.vcs.coderepo.ModuleRepo;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.git.GitCommand;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitMirrors;
import io.modvault.server.ModvaultServer;
import io.modvault.server.config.ConfigLoader;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Direct (git) fetching of one private module of realistic size, everything on 127.0.0.1: a
 * repository built with {@link GitRepoBuilder} ({@code commits} commits, {@code files} Go files of
 * about {@code kbytes} KiB in all, tags v1.0.0 … v1.5.0, {@code untagged} untagged commits on main
 * after v1.5.0), served by {@link GitHttpServer} as {@code git.example.test/org/big} behind Basic
 * auth; modvault ({@link ModvaultServer}, RocksDB store, fresh data directory per run) routes it to
 * git through GOPRIVATE; beside it the real go command in direct mode ({@link GoDirect}).
 *
 * <p>Measured per run, wall time at a JDK HttpClient (HTTP/1.1, keep-alive) of each request:
 * (1) tag: {@code .info}, {@code .mod}, {@code .zip} of v1.5.0; (2) commit: {@code .info} of
 * {@code @<12 hex>} (a commit after v1.5.0) → pseudo-version, then its {@code .mod} and {@code .zip}.
 * modvault scenarios: {@code cold} (no mirror), {@code warm} (mirror fetched by an earlier request
 * for v1.0.0 in the same process, artifact not in the store), {@code hit} (the same requests once
 * more), {@code restart} (mirror on disk from an earlier run, new process, empty store). go
 * scenarios: {@code go mod download -json} cold (fresh GOMODCACHE/GOPATH) and warm (same cache).
 * Every git process modvault and go start is traced (trace2 event target set through
 * {@code GIT_CONFIG_GLOBAL}) and attributed to the request during which it started.
 *
 * <p>Run: {@code java -cp CP bench/PrivateBench.java WORKDIR [runs=5] [warmup=1] [commits=320]
 * [files=200] [kbytes=2048] [untagged=20]}; writes {@code WORKDIR/results.md} and
 * {@code WORKDIR/results.env}; progress on stderr, modvault's log on stdout.
 */
public final class PrivateBench {
    static final String REPO = "org/big";
    static final String MODULE = GitHttpServer.HOST + "/" + REPO;
    static final String TAG = "v1.5.0";
    static final String USER = "bench";
    static final String PASSWORD = "bench-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    enum Kind { TAG, COMMIT }

    /** One HTTP request (or one go run): wall time and when it ran, for attributing git processes. */
    record Step(String name, long ns, int status, String cache, long bytes, Instant from, Instant to, byte[] body,
            List<String> gitHttp) {
        Step withGitHttp(List<String> requests) {
            return new Step(name, ns, status, cache, bytes, from, to, body, requests);
        }
    }

    /** One git process from a trace2 event file: its command name, start and duration (git's own clock). */
    record GitProc(String name, Instant start, long ns, boolean child, String argv) {
    }

    /** One measured run of a scenario. */
    record Run(String system, Kind kind, String scenario, int round, List<Step> steps, List<GitProc> git) {
        long total() {
            return steps.stream().mapToLong(Step::ns).sum();
        }

        List<GitProc> gitDuring(Step step) {
            Instant from = step.from().minusMillis(1);
            return git.stream().filter(p -> !p.start().isBefore(from) && !p.start().isAfter(step.to())).toList();
        }
    }

    record Settings(Path work, int runs, int warmup, int commits, int files, int kbytes, int untagged) {
        static Settings parse(String[] args) {
            Map<String, String> kv = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                kv.put(pair[0], pair[1]);
            }
            Function<String, Integer> num = key -> Integer.parseInt(kv.get(key));
            kv.putIfAbsent("runs", "5");
            kv.putIfAbsent("warmup", "1");
            kv.putIfAbsent("commits", "320");
            kv.putIfAbsent("files", "200");
            kv.putIfAbsent("kbytes", "2048");
            kv.putIfAbsent("untagged", "20");
            return new Settings(Path.of(args[0]).toAbsolutePath(), num.apply("runs"), num.apply("warmup"),
                    num.apply("commits"), num.apply("files"), num.apply("kbytes"), num.apply("untagged"));
        }
    }

    private final Settings settings;
    private final RepoFacts repo;
    private final GitHttpServer git;
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path templateVcs;
    private String pseudo = "";
    private final Map<String, String> modvaultHashes = new LinkedHashMap<>();
    private final Map<String, String> goHashes = new LinkedHashMap<>();

    private PrivateBench(Settings settings, RepoFacts repo, GitHttpServer git) {
        this.settings = settings;
        this.repo = repo;
        this.git = git;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PrivateBench WORKDIR [runs=5] [warmup=1] [commits=320] [files=200] [kbytes=2048] [untagged=20]");
            System.exit(2);
        }
        Settings settings = Settings.parse(args);
        Path work = settings.work();
        deleteTree(work);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        RepoFacts repo = RepoFacts.build(work, settings);
        log("repository %s: %d commits, %d files, %d bytes in the tree at %s, pack %d bytes, built in %.1f s",
                REPO, repo.commits(), repo.files(), repo.treeBytes(), TAG, repo.packBytes(), secs(t0));
        try (GitHttpServer git = GitHttpServer.start(work.resolve("server"))) {
            git.requireBasicAuth(REPO, USER, PASSWORD);
            PrivateBench bench = new PrivateBench(settings, repo, git);
            bench.run();
        }
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        for (int round = 1 - settings.warmup(); round <= settings.runs(); round++) {
            log("round %d of %d%s", round, settings.runs(), round < 1 ? " (warm-up, discarded)" : "");
            for (Kind kind : Kind.values()) {
                modvaultRuns(kind, round);
                goRuns(kind, round);
            }
        }
        double measureSecs = secs(start);
        Components components = Components.measure(settings.work(), templateVcs, repo);
        Report report = new Report(settings, repo, runs, components, modvaultHashes, goHashes, pseudo);
        Files.writeString(settings.work().resolve("results.md"), report.markdown());
        env.putAll(report.env());
        env.put("MEASURE_SECS", String.format(Locale.ROOT, "%.0f", measureSecs));
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(settings.work().resolve("results.env"), text);
        log("done in %.0f s", measureSecs);
    }

    // ------------------------------------------------------------------ modvault

    private void modvaultRuns(Kind kind, int round) throws Exception {
        Path runs = settings.work().resolve("runs");
        Files.createDirectories(runs);
        String id = kind.name().toLowerCase(Locale.ROOT) + "-r" + (round + settings.warmup());

        Path cold = runs.resolve("cold-" + id);
        try (Modvault mv = Modvault.start(cold, git)) {
            record(new Run("modvault", kind, "cold", round, steps(mv, kind), List.of()), mv.trace(), round);
        }
        if (templateVcs == null) {
            templateVcs = settings.work().resolve("template-vcs");
            copyTree(cold.resolve("data").resolve("vcs"), templateVcs);
        }
        deleteTree(cold);

        Path warm = runs.resolve("warm-" + id);
        try (Modvault mv = Modvault.start(warm, git)) {
            require(mv.get(base() + "v1.0.0.info", "prime"), "prime v1.0.0.info");
            Instant before = Instant.now();
            List<Step> warmSteps = steps(mv, kind);
            List<Step> hitSteps = steps(mv, kind);
            List<GitProc> trace = mv.trace().stream().filter(p -> !p.start().isBefore(before.minusMillis(1))).toList();
            record(new Run("modvault", kind, "warm", round, warmSteps, List.of()), trace, round);
            record(new Run("modvault", kind, "hit", round, hitSteps, List.of()), trace, round);
        }
        deleteTree(warm);

        Path restart = runs.resolve("restart-" + id);
        copyTree(templateVcs, restart.resolve("data").resolve("vcs"));
        try (Modvault mv = Modvault.start(restart, git)) {
            record(new Run("modvault", kind, "restart", round, steps(mv, kind), List.of()), mv.trace(), round);
        }
        deleteTree(restart);
    }

    private void record(Run run, List<GitProc> trace, int round) {
        Run traced = new Run(run.system(), run.kind(), run.scenario(), run.round(), run.steps(), trace);
        List<GitProc> own = new ArrayList<>();
        for (Step step : run.steps()) {
            own.addAll(traced.gitDuring(step));
        }
        Run done = new Run(run.system(), run.kind(), run.scenario(), run.round(), run.steps(), own);
        log("  %-8s %-6s %-7s %7.1f ms  %s", run.system(), run.kind(), run.scenario(), ms(done.total()),
                String.join(" ", run.steps().stream().map(s -> String.format(Locale.ROOT, "%s=%.1f(%s)", s.name(),
                        ms(s.ns()), s.cache())).toList()));
        if (round >= 1) {
            runs.add(done);
        }
    }

    private static String base() {
        return "/" + MODULE + "/@v/";
    }

    /** The three requests of a kind, checked: 200 each, and for a commit the pseudo-version the .info names. */
    private List<Step> steps(Modvault mv, Kind kind) throws Exception {
        String version = TAG;
        Step info;
        if (kind == Kind.TAG) {
            info = require(get(mv, base() + TAG + ".info", ".info"), TAG + ".info");
        } else {
            info = require(get(mv, base() + repo.commit12() + ".info", ".info"), repo.commit12() + ".info");
            version = JSON.readTree(info.body()).path("Version").asText();
            if (!pseudo.isEmpty() && !pseudo.equals(version)) {
                throw new IllegalStateException("pseudo-version changed: " + pseudo + " then " + version);
            }
            pseudo = version;
        }
        Step mod = require(get(mv, base() + version + ".mod", ".mod"), version + ".mod");
        Step zip = require(get(mv, base() + version + ".zip", ".zip"), version + ".zip");
        if (!modvaultHashes.containsKey(version)) {
            JsonNode infoJson = JSON.readTree(info.body());
            modvaultHashes.put(version + " .info Version, Time", infoJson.path("Version").asText() + " "
                    + infoJson.path("Time").asText());
            Path file = Files.write(settings.work().resolve("modvault-" + version + ".zip"), zip.body());
            modvaultHashes.put(version, DirHash.hashZip(file));
            modvaultHashes.put(version + "/go.mod", DirHash.hashGoMod(mod.body()));
        }
        return List.of(info, mod, zip);
    }

    /** One request to modvault, with the requests it made to the git host meanwhile. */
    private Step get(Modvault mv, String path, String name) throws Exception {
        int seen = git.requestLog().size();
        Step step = mv.get(path, name);
        return step.withGitHttp(gitHttpSince(seen));
    }

    /** The git host's requests after the first {@code seen}: go-get, info/refs (with 401s), upload-pack. */
    private List<String> gitHttpSince(int seen) {
        List<io.modvault.core.testing.GitRequest> log = git.requestLog();
        List<String> kinds = new ArrayList<>();
        for (io.modvault.core.testing.GitRequest r : log.subList(Math.min(seen, log.size()), log.size())) {
            String kind = r.isGoGet() ? "go-get" : r.path().endsWith("/info/refs") ? "info/refs"
                    : r.path().endsWith("/git-upload-pack") ? "upload-pack" : r.path();
            kinds.add(r.status() == 200 ? kind : kind + " " + r.status());
        }
        return kinds;
    }

    private static Step require(Step step, String what) {
        if (step.status() != 200) {
            throw new IllegalStateException(what + ": HTTP " + step.status() + ": "
                    + new String(step.body(), StandardCharsets.UTF_8));
        }
        return step;
    }

    /** A modvault server in-process on 127.0.0.1 with its data in {@code dir/data} and git traced to {@code dir/trace.json}. */
    static final class Modvault implements AutoCloseable {
        private final ModvaultServer server;
        private final Path trace;

        private Modvault(ModvaultServer server, Path trace) {
            this.server = server;
            this.trace = trace;
        }

        static Modvault start(Path dir, GitHttpServer git) throws Exception {
            Files.createDirectories(dir);
            Path trace = dir.resolve("trace.json");
            Path gitConfig = traceConfig(dir.resolve("gitconfig"), trace);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.keySet().removeIf(n -> n.startsWith("MODVAULT_") || n.startsWith("GO") || n.startsWith("GIT_")
                    || n.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            env.put("MODVAULT_LISTEN", "127.0.0.1:0");
            env.put("MODVAULT_DATA_DIR", dir.resolve("data").toString());
            env.put("GOPROXY", "off");
            env.put("GOSUMDB", "off");
            env.put("GOPRIVATE", GitHttpServer.HOST);
            env.put("GOINSECURE", GitHttpServer.HOST);
            env.put("MODVAULT_GIT_CREDENTIALS", GitHttpServer.HOST + "=" + USER + ":" + PASSWORD);
            for (String proxy : new String[] {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"}) {
                env.put(proxy, git.proxyUrl());
            }
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
            return new Modvault(ModvaultServer.start(ConfigLoader.load(env, Optional.empty(), Map.of())), trace);
        }

        Step get(String path, String name) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(60)).GET().build();
            Instant from = Instant.now();
            long t = System.nanoTime();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long ns = System.nanoTime() - t;
            Instant to = Instant.now();
            String cache = response.headers().firstValue("X-Modvault-Cache").orElse("-");
            return new Step(name, ns, response.statusCode(), cache, response.body().length, from, to, response.body(), List.of());
        }

        List<GitProc> trace() {
            return readTrace(trace);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    // ------------------------------------------------------------------ go

    private void goRuns(Kind kind, int round) throws Exception {
        Path scratch = settings.work().resolve("go").resolve(kind.name().toLowerCase(Locale.ROOT) + "-r" + (round + settings.warmup()));
        GoDirect direct = GoDirect.create(scratch, git).withCredentials(USER, PASSWORD);
        String coordinate = MODULE + "@" + (kind == Kind.TAG ? TAG : repo.commit12());
        for (String scenario : List.of("cold", "warm")) {
            Path trace = scratch.resolve("trace-" + scenario + ".json");
            traceConfig(scratch.resolve("gitconfig"), trace);
            int seen = git.requestLog().size();
            Instant from = Instant.now();
            GoResult result = direct.run("mod", "download", "-json", coordinate);
            Instant to = Instant.now();
            JsonNode out = result.succeeded() ? JSON.readTree(result.stdout()) : null;
            if (out == null || !out.path("Error").asText().isEmpty()) {
                throw new IllegalStateException("go mod download " + coordinate + " failed\n" + result.describe());
            }
            String version = out.path("Version").asText();
            goHashes.putIfAbsent(version, out.path("Sum").asText());
            if (!out.path("Info").asText().isEmpty()) {
                JsonNode info = JSON.readTree(Files.readAllBytes(Path.of(out.path("Info").asText())));
                goHashes.putIfAbsent(version + " .info Version, Time", info.path("Version").asText() + " "
                        + info.path("Time").asText());
            }
            goHashes.putIfAbsent(version + "/go.mod", out.path("GoModSum").asText());
            Step step = new Step("go", result.elapsed().toNanos(), 0, "-", 0, from, to, new byte[0], gitHttpSince(seen));
            record(new Run("go", kind, scenario, round, List.of(step), List.of()), readTrace(trace), round);
            if (scenario.equals("cold") && round == 1) {
                env.put("GO_VCS_BYTES_" + kind, Long.toString(treeSize(direct.go().modCache().resolve("cache").resolve("vcs"))));
            }
        }
        deleteTree(scratch);
    }

    // ------------------------------------------------------------------ git traces

    /** A global git config whose only content sends trace2 events of every git process to {@code trace}. */
    static Path traceConfig(Path config, Path trace) throws IOException {
        Files.createDirectories(config.getParent());
        return Files.writeString(config, "# PrivateBench: trace every git process\n[trace2]\n\teventTarget = "
                + trace + "\n\teventBrief = false\n");
    }

    /** The git processes in a trace2 event file; children (remote helpers, index-pack) flagged. */
    static List<GitProc> readTrace(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Instant> starts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Double> ends = new HashMap<>();
        Map<String, String> argvs = new HashMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : lines.toList()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                String sid = event.path("sid").asText();
                switch (event.path("event").asText()) {
                    case "start" -> {
                        starts.put(sid, Instant.parse(event.path("time").asText()));
                        List<String> argv = new ArrayList<>();
                        event.path("argv").forEach(a -> argv.add(a.asText()));
                        argvs.put(sid, String.join(" ", argv));
                    }
                    case "cmd_name" -> names.put(sid, event.path("name").asText());
                    case "exit", "atexit" -> ends.merge(sid, event.path("t_abs").asDouble(), Math::max);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        List<GitProc> procs = new ArrayList<>();
        starts.forEach((sid, start) -> procs.add(new GitProc(names.getOrDefault(sid, "?"), start,
                (long) (ends.getOrDefault(sid, 0.0) * 1e9), sid.contains("/"), argvs.getOrDefault(sid, ""))));
        procs.sort(Comparator.comparing(GitProc::start));
        return procs;
    }

    // ------------------------------------------------------------------ the repository

    /** The benchmark repository as built: sizes, the commit asked for, and the bare repository's pack size. */
    record RepoFacts(int commits, int files, long treeBytes, String commit, String commit12, long packBytes, Path bare) {

        private static final String[] WORDS = {"alpha", "beta", "count", "delta", "entry", "field", "group", "handle",
            "index", "join", "key", "limit", "merge", "node", "offset", "parse", "query", "record", "scan", "token",
            "update", "value", "write", "buffer", "cache", "digest", "error", "frame", "header", "item", "length",
            "module", "name", "option", "path", "result", "state", "table", "version", "window"};

        static RepoFacts build(Path work, Settings s) throws IOException {
            GitRepoBuilder repo = GitRepoBuilder.init(work.resolve("src"), REPO);
            int funcs = Math.max(1, (int) ((long) s.kbytes() * 1024 / s.files() / 520));
            int[][] revisions = new int[s.files()][funcs];
            repo.write("go.mod", "module " + MODULE + "\n\ngo 1.21\n");
            repo.write("LICENSE", "Copyright 2024 The Bench Authors. All rights reserved.\n".repeat(20));
            repo.write("README.md", "# big\n\nA private module for the modvault direct-fetch benchmark.\n");
            for (int f = 0; f < s.files(); f++) {
                repo.write(fileName(f), goFile(f, revisions[f]));
            }
            Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
            repo.commit("initial import", t0);
            int tagged = s.commits() - s.untagged();
            List<Integer> tagAt = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                tagAt.add((int) Math.round((k + 1) * tagged / 6.0) - 1);
            }
            Random random = new Random(20240101);
            for (int i = 0; i < s.commits(); i++) {
                if (i > 0) {
                    int changes = 1 + random.nextInt(3);
                    for (int c = 0; c < changes; c++) {
                        int f = random.nextInt(s.files());
                        revisions[f][random.nextInt(funcs)]++;
                        repo.write(fileName(f), goFile(f, revisions[f]));
                    }
                    if (i % 25 == 0) {
                        repo.write("README.md", "# big\n\nA private module for the modvault direct-fetch benchmark.\n\nChange " + i + ".\n");
                    }
                    repo.commit("change " + i, t0.plusSeconds(3600L * i));
                }
                int k = tagAt.indexOf(i);
                if (k >= 0) {
                    repo.tag("v1." + k + ".0");
                }
            }
            String commit = repo.resolve("HEAD~5");
            Path bare = repo.publish(work.resolve("server"));
            long treeBytes;
            int files;
            repo.checkout(TAG);
            try (Stream<Path> walk = Files.walk(repo.workTree())) {
                List<Path> all = walk.filter(Files::isRegularFile)
                        .filter(p -> !repo.workTree().relativize(p).startsWith(".git")).toList();
                files = all.size();
                long sum = 0;
                for (Path p : all) {
                    sum += Files.size(p);
                }
                treeBytes = sum;
            }
            repo.checkout("main");
            return new RepoFacts(s.commits(), files, treeBytes, commit, commit.substring(0, 12),
                    treeSize(bare.resolve("objects")), bare);
        }

        static String fileName(int f) {
            return String.format(Locale.ROOT, "pkg/p%02d/file%03d.go", f / 10, f);
        }

        /** A Go file of {@code revisions.length} functions; function i's body depends only on (file, i, revision). */
        static String goFile(int f, int[] revisions) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "// Package p%02d is generated benchmark code.\npackage p%02d\n\n", f / 10, f / 10));
            out.append("import (\n\t\"errors\"\n\t\"fmt\"\n\t\"strings\"\n)\n\n");
            for (int i = 0; i < revisions.length; i++) {
                Random r = new Random(((long) f * 1_000_003L + i) * 31 + revisions[i]);
                String name = cap(word(r)) + cap(word(r)) + f + "x" + i;
                out.append("// ").append(name).append(" ").append(word(r)).append("s the ").append(word(r))
                        .append(" of a ").append(word(r)).append(" ").append(word(r)).append(" (revision ")
                        .append(revisions[i]).append(").\n");
                out.append("func ").append(name).append("(").append(word(r)).append(" []string, ").append(word(r))
                        .append("Limit int) (int, error) {\n");
                out.append("\ttotal := 0\n");
                int statements = 4 + r.nextInt(4);
                for (int k = 0; k < statements; k++) {
                    String a = word(r) + cap(word(r));
                    switch (r.nextInt(3)) {
                        case 0 -> out.append("\t").append(a).append(" := strings.Repeat(\"").append(word(r))
                                .append("\", ").append(1 + r.nextInt(9)).append(")\n\ttotal += len(").append(a).append(")\n");
                        case 1 -> out.append("\tif total > ").append(r.nextInt(100_000)).append(" {\n\t\treturn total, errors.New(\"")
                                .append(word(r)).append(" ").append(word(r)).append(" exceeded\")\n\t}\n");
                        default -> out.append("\ttotal += len(fmt.Sprintf(\"%s-%d\", \"").append(word(r)).append("\", ")
                                .append(r.nextInt(1000)).append("))\n");
                    }
                }
                out.append("\treturn total, nil\n}\n\n");
            }
            return out.toString();
        }

        private static String word(Random r) {
            return WORDS[r.nextInt(WORDS.length)];
        }

        private static String cap(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }

    // ------------------------------------------------------------------ components, measured alone

    /** The ingredients of a cold .zip timed alone in this (warm) JVM on the mirror a cold run left behind. */
    record Components(double spawnMs, double gitVersionTabsMs, double archiveMs, long archiveBytes, double archiveStoredMs,
            long archiveStoredBytes, double repoZipMs, double repoZipGitMs, int repoZipGitProcs, double rewriteMs,
            double rewriteFromStoredMs, double hashZipMs, double sha256Ms, double zipCheckMs, double syncPutMs,
            double commitBlobMs, long zipBytes, int zipEntries, long zipUncompressed, long mirrorBytes) {

        static Components measure(Path work, Path templateVcs, RepoFacts repo) throws Exception {
            Path dir = work.resolve("components");
            Path vcs = dir.resolve("vcs");
            copyTree(templateVcs, vcs);
            Path trace = dir.resolve("trace.json");
            Path config = traceConfig(dir.resolve("gitconfig"), trace);
            Map<String, String> gitEnv = new HashMap<>(System.getenv());
            gitEnv.keySet().removeIf(n -> n.startsWith("GIT_") || n.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            gitEnv.put("GIT_CONFIG_NOSYSTEM", "1");
            gitEnv.put("GIT_CONFIG_GLOBAL", config.toString());
            GitMirror mirror = new GitMirrors(vcs, new GitCommand("git", Duration.ofSeconds(60), gitEnv), Clock.systemUTC(),
                    Duration.ofMinutes(10)).forUrl(URI.create(GitHttpServer.repoUrl(REPO)));
            if (!Files.isDirectory(mirror.directory().resolve("objects"))) {
                throw new IllegalStateException("the mirror of the cold run is not at " + mirror.directory());
            }
            int n = 9;
            // A trivial git command from the JVM: fork/exec, git start-up, the JVM's pipe handling.
            List<Long> spawn = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                spawn.add(timeProcess(List.of("git", "--version"), dir, Map.of("GIT_CONFIG_GLOBAL", config.toString()), null));
            }
            double versionTabs = median(readTrace(trace).stream().filter(p -> p.name().equals("version"))
                    .map(GitProc::ns).toList());
            Path archive = dir.resolve("archive.zip");
            String tagCommit = GitRunnerLite.revParse(mirror.directory(), TAG);
            List<Long> archiveNs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                archiveNs.add(timeProcess(List.of("git", "-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive",
                        "--format=zip", "--prefix=prefix/", tagCommit), dir,
                        Map.of("GIT_DIR", mirror.directory().toString(), "GIT_CONFIG_GLOBAL", "/dev/null"), archive));
            }
            // The same archive stored (-0), as MirrorReads.archive runs it: ModuleRepo only reads it back.
            Path archiveStored = dir.resolve("archive-stored.zip");
            List<Long> archiveStoredNs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                archiveStoredNs.add(timeProcess(List.of("git", "-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive",
                        "--format=zip", "-0", "--prefix=prefix/", tagCommit), dir,
                        Map.of("GIT_DIR", mirror.directory().toString(), "GIT_CONFIG_GLOBAL", "/dev/null"), archiveStored));
            }
            // ModuleZipWriter's work alone (inflate each entry, deflate it into a ZipOutputStream, SHA-256 on the way).
            List<Long> rewrite = new ArrayList<>();
            List<Long> rewriteStored = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rewrite.add(rewrite(archive, dir.resolve("rewrite.zip")));
                rewriteStored.add(rewrite(archiveStored, dir.resolve("rewrite.zip")));
            }
            ModuleRepo moduleRepo = new ModuleRepo(ModulePath.of(MODULE), new RepoLocation(MODULE,
                    URI.create(GitHttpServer.repoUrl(REPO)), "git"), mirror);
            Path zip = dir.resolve("module.zip");
            List<Long> repoZip = new ArrayList<>();
            List<Long> repoZipGit = new ArrayList<>();
            List<Integer> repoZipProcs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Files.deleteIfExists(trace);
                long t = System.nanoTime();
                moduleRepo.zip(TAG, zip);
                repoZip.add(System.nanoTime() - t);
                List<GitProc> procs = readTrace(trace).stream().filter(p -> !p.child()).toList();
                repoZipGit.add(procs.stream().mapToLong(GitProc::ns).sum());
                repoZipProcs.add(procs.size());
            }
            List<Long> hash = new ArrayList<>();
            List<Long> sha = new ArrayList<>();
            List<Long> check = new ArrayList<>();
            int entries = 0;
            long uncompressed = 0;
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                DirHash.hashZip(zip);
                hash.add(System.nanoTime() - t);
                t = System.nanoTime();
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(zip)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int r; (r = in.read(buffer)) >= 0; ) {
                        digest.update(buffer, 0, r);
                    }
                }
                digest.digest();
                sha.add(System.nanoTime() - t);
                t = System.nanoTime();
                entries = 0;
                uncompressed = 0;
                try (ZipFile file = new ZipFile(zip.toFile())) {
                    for (ZipEntry e : Collections.list(file.entries())) {
                        entries++;
                        uncompressed += e.getSize();
                    }
                }
                check.add(System.nanoTime() - t);
            }
            // The store's two synced writes of a cold .zip: the blob (fsync + index put) and small entries.
            List<Long> puts = new ArrayList<>();
            List<Long> commits = new ArrayList<>();
            try (RocksDbModuleStore store = RocksDbModuleStore.open(dir.resolve("store"), Clock.systemUTC())) {
                byte[] value = new byte[200];
                for (int i = 0; i < 60; i++) {
                    long t = System.nanoTime();
                    store.put(EntryKey.of(EntryKind.INFO, MODULE + "/@v/v0.0." + i + ".info"), value);
                    if (i >= 10) {
                        puts.add(System.nanoTime() - t);
                    }
                }
                byte[] zipBytes = Files.readAllBytes(zip);
                for (int i = 0; i < n + 2; i++) {
                    // Distinct contents (a suffix), so every commit writes a new content-addressed blob.
                    byte[] content = java.util.Arrays.copyOf(zipBytes, zipBytes.length + 4);
                    java.nio.ByteBuffer.wrap(content, zipBytes.length, 4).putInt(i);
                    String contentSha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                    Path temp = store.newTempFile();
                    Files.write(temp, content);
                    long t = System.nanoTime();
                    store.commitBlob(EntryKey.of(EntryKind.ZIP, MODULE + "/@v/v0.0." + i + ".zip"), temp,
                            contentSha, "h1:x".getBytes(StandardCharsets.UTF_8));
                    if (i >= 2) {
                        commits.add(System.nanoTime() - t);
                    }
                }
            }
            Components c = new Components(ms(median(spawn)), ms(versionTabs), ms(median(archiveNs)), Files.size(archive),
                    ms(median(archiveStoredNs)), Files.size(archiveStored), ms(median(repoZip)), ms(median(repoZipGit)),
                    repoZipProcs.get(repoZipProcs.size() - 1), ms(median(rewrite)), ms(median(rewriteStored)),
                    ms(median(hash)), ms(median(sha)), ms(median(check)), ms(median(puts)), ms(median(commits)),
                    Files.size(zip), entries, uncompressed, treeSize(mirror.directory()));
            deleteTree(dir);
            return c;
        }

        /** What ModuleZipWriter.write does with the entries of a git archive: re-compress them under a new prefix. */
        private static long rewrite(Path archive, Path target) throws Exception {
            long t = System.nanoTime();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (ZipFile in = new ZipFile(archive.toFile());
                 ZipOutputStream out = new ZipOutputStream(new DigestOutputStream(new BufferedOutputStream(
                         Files.newOutputStream(target), 1 << 16), digest))) {
                byte[] buffer = new byte[1 << 16];
                for (ZipEntry e : Collections.list(in.entries())) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(MODULE + "@" + TAG + "/" + e.getName().substring("prefix/".length()));
                    copy.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(e)) {
                        for (int r; (r = data.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, r);
                        }
                    }
                    out.closeEntry();
                }
            }
            digest.digest();
            return System.nanoTime() - t;
        }

        private static long timeProcess(List<String> command, Path dir, Map<String, String> extraEnv, Path stdout)
                throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().keySet().removeIf(n -> n.startsWith("GIT_"));
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().putAll(extraEnv);
            builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            long t = System.nanoTime();
            Process p = builder.start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed");
            }
            return System.nanoTime() - t;
        }
    }

    /** {@code git rev-parse} for the components pass. */
    static final class GitRunnerLite {
        static String revParse(Path gitDir, String rev) throws Exception {
            Process p = new ProcessBuilder("git", "rev-parse", rev + "^{commit}").directory(gitDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git rev-parse " + rev + " failed in " + gitDir);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ report

    /** Tables from the runs: medians per scenario and step, git time by command. */
    record Report(Settings settings, RepoFacts repo, List<Run> runs, Components c, Map<String, String> modvaultHashes,
            Map<String, String> goHashes, String pseudo) {

        static final List<String> SCENARIOS = List.of("cold", "warm", "restart", "hit");

        List<Run> select(String system, Kind kind, String scenario) {
            return runs.stream().filter(r -> r.system().equals(system) && r.kind() == kind && r.scenario().equals(scenario)).toList();
        }

        static double med(List<Run> runs, ToLongFunction<Run> f) {
            return ms(median(runs.stream().map(f::applyAsLong).toList()));
        }

        static long gitNs(List<GitProc> procs) {
            return procs.stream().filter(p -> !p.child()).mapToLong(GitProc::ns).sum();
        }

        String label(String system, Kind kind, String scenario) {
            String what = kind == Kind.TAG ? TAG : "@" + repo.commit12();
            String how = switch (system + "/" + scenario) {
                case "modvault/cold" -> "cold: no mirror, empty store";
                case "modvault/warm" -> "warm: mirror present (same process), not in store";
                case "modvault/restart" -> "warm: mirror on disk, new process, empty store";
                case "modvault/hit" -> "fully cached (HIT)";
                case "go/cold" -> "cold: fresh GOMODCACHE";
                case "go/warm" -> "warm: same GOMODCACHE";
                default -> scenario;
            };
            return system + " " + what + ", " + how;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("### Wall time (median of ").append(settings.runs()).append(" runs, ms)\n\n");
            md.append("| | .info | .mod | .zip | total | min–max total | X-Modvault-Cache | git processes | git time |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
            for (Kind kind : Kind.values()) {
                for (String scenario : SCENARIOS) {
                    List<Run> sel = select("modvault", kind, scenario);
                    md.append("| ").append(label("modvault", kind, scenario));
                    for (int i = 0; i < 3; i++) {
                        int step = i;
                        md.append(" | ").append(f1(med(sel, r -> r.steps().get(step).ns())));
                    }
                    md.append(" | **").append(f1(med(sel, Run::total))).append("** | ").append(range(sel));
                    md.append(" | ").append(String.join("/", sel.get(0).steps().stream().map(Step::cache).toList()));
                    md.append(" | ").append(f0(median(sel.stream().map(r -> (long) r.git().stream().filter(p -> !p.child()).count()).toList())));
                    md.append(" | ").append(f1(med(sel, r -> gitNs(r.git())))).append(" |\n");
                }
                for (String scenario : List.of("cold", "warm")) {
                    List<Run> sel = select("go", kind, scenario);
                    md.append("| `go mod download` ").append(label("go", kind, scenario).substring(3)).append(" | | | | **")
                            .append(f1(med(sel, Run::total))).append("** | ").append(range(sel)).append(" | | ")
                            .append(f0(median(sel.stream().map(r -> (long) r.git().stream().filter(p -> !p.child()).count()).toList())))
                            .append(" | ").append(f1(med(sel, r -> gitNs(r.git())))).append(" |\n");
                }
            }
            md.append("\n### Per request: wall time, git time and git commands (median over runs, ms)\n\n");
            md.append("git commands: name, count × median summed time; children (remote helpers, index-pack) in parentheses, ")
                    .append("their time is inside their parent's.\n\n");
            md.append("| scenario | request | wall | git | wall − git | git commands | requests to the git host |\n| --- | --- | ---: | ---: | ---: | --- | --- |\n");
            for (Kind kind : Kind.values()) {
                for (String scenario : SCENARIOS) {
                    List<Run> sel = select("modvault", kind, scenario);
                    for (int i = 0; i < 3; i++) {
                        int step = i;
                        double wall = med(sel, r -> r.steps().get(step).ns());
                        double gitMs = med(sel, r -> gitNs(r.gitDuring(r.steps().get(step))));
                        md.append("| ").append(label("modvault", kind, scenario)).append(" | ")
                                .append(sel.get(0).steps().get(step).name()).append(" | ").append(f1(wall)).append(" | ")
                                .append(f1(gitMs)).append(" | ").append(f1(wall - gitMs)).append(" | ")
                                .append(commands(sel, r -> r.gitDuring(r.steps().get(step)))).append(" | ")
                                .append(hostRequests(sel.get(0).steps().get(step).gitHttp())).append(" |\n");
                    }
                }
                for (String scenario : List.of("cold", "warm")) {
                    List<Run> sel = select("go", kind, scenario);
                    double wall = med(sel, Run::total);
                    double gitMs = med(sel, r -> gitNs(r.git()));
                    md.append("| ").append(label("go", kind, scenario)).append(" | go process | ").append(f1(wall))
                            .append(" | ").append(f1(gitMs)).append(" | ").append(f1(wall - gitMs)).append(" | ")
                            .append(commands(sel, Run::git)).append(" | ")
                            .append(hostRequests(sel.get(0).steps().get(0).gitHttp())).append(" |\n");
                }
            }
            md.append("\n### Ingredients of a .zip, timed alone (median of 9, warm JVM, mirror of a cold run)\n\n");
            md.append("| | ms |\n| --- | ---: |\n");
            md.append("| `git --version` started from the JVM (fork/exec + git start-up; git's own trace says ")
                    .append(f2(c.gitVersionTabsMs())).append(" ms) | ").append(f1(c.spawnMs())).append(" |\n");
            md.append("| `git archive --format=zip` of ").append(TAG).append(" (default compression, what modvault ran before; ")
                    .append(c.archiveBytes()).append(" bytes) | ").append(f1(c.archiveMs())).append(" |\n");
            md.append("| `git archive --format=zip -0` (stored, not compressed, what `MirrorReads.archive` runs; ")
                    .append(c.archiveStoredBytes()).append(" bytes) | ").append(f1(c.archiveStoredMs())).append(" |\n");
            md.append("| re-zip as `ModuleZipWriter.write` does (inflate, deflate, SHA-256), from the default archive | ")
                    .append(f1(c.rewriteMs())).append(" |\n");
            md.append("| the same from the stored (-0) archive | ").append(f1(c.rewriteFromStoredMs())).append(" |\n");
            md.append("| `ModuleRepo.zip(").append(TAG).append(")` in-process, repeated on one mirror (resolved once, then ")
                    .append("remembered): archive + rewrite (").append(c.repoZipGitProcs()).append(" git process(es), ")
                    .append(f1(c.repoZipGitMs())).append(" ms of it in git) | ").append(f1(c.repoZipMs())).append(" |\n");
            md.append("| `DirHash.hashZip` of the module zip (").append(c.zipBytes()).append(" bytes, ").append(c.zipEntries())
                    .append(" files, ").append(c.zipUncompressed()).append(" bytes unpacked) | ").append(f1(c.hashZipMs())).append(" |\n");
            md.append("| SHA-256 of the module zip | ").append(f1(c.sha256Ms())).append(" |\n");
            md.append("| open the zip and walk its central directory (what `ZipCheck` does) | ").append(f1(c.zipCheckMs())).append(" |\n");
            md.append("| `RocksDbModuleStore.commitBlob` of the module zip (fsync, synced index write) | ").append(f1(c.commitBlobMs())).append(" |\n");
            md.append("| `RocksDbModuleStore.put` of a 200-byte entry (synced) | ").append(f2(c.syncPutMs())).append(" |\n");
            md.append("\n### The fetch commands (cold, first measured run)\n\n");
            for (Kind kind : Kind.values()) {
                for (String system : List.of("modvault", "go")) {
                    select(system, kind, "cold").get(0).git().stream().filter(p -> !p.child()
                            && (p.name().equals("fetch") || p.name().equals("ls-remote"))).forEach(p -> md.append("- ")
                            .append(label(system, kind, "cold")).append(": `").append(p.argv()).append("` (")
                            .append(f1(ms(p.ns()))).append(" ms)\n"));
                }
            }
            md.append("\n### Same answers as the go command\n\n| version | modvault | go |\n| --- | --- | --- |\n");
            modvaultHashes.forEach((v, h) -> md.append("| ").append(v).append(" | `").append(h).append("` | `")
                    .append(goHashes.getOrDefault(v, "?")).append("`").append(h.equals(goHashes.get(v)) ? "" : " **DIFFERENT**")
                    .append(" |\n"));
            return md.toString();
        }

        Map<String, String> env() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("RUNS", Integer.toString(settings.runs()));
            out.put("WARMUP", Integer.toString(settings.warmup()));
            out.put("COMMITS", Integer.toString(repo.commits()));
            out.put("FILES", Integer.toString(repo.files()));
            out.put("TREE_BYTES", Long.toString(repo.treeBytes()));
            out.put("PACK_BYTES", Long.toString(repo.packBytes()));
            out.put("COMMIT12", repo.commit12());
            out.put("PSEUDO", pseudo);
            out.put("UNTAGGED", Integer.toString(settings.untagged()));
            out.put("HASHES_AGREE", Boolean.toString(!modvaultHashes.isEmpty() && modvaultHashes.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(goHashes.get(e.getKey())))));
            for (Kind kind : Kind.values()) {
                for (String scenario : SCENARIOS) {
                    List<Run> sel = select("modvault", kind, scenario);
                    String key = "MV_" + kind + "_" + scenario.toUpperCase(Locale.ROOT);
                    out.put(key, f1(med(sel, Run::total)));
                    String[] steps = {"INFO", "MOD", "ZIP"};
                    for (int i = 0; i < 3; i++) {
                        int step = i;
                        out.put(key + "_" + steps[i], f1(med(sel, r -> r.steps().get(step).ns())));
                        out.put(key + "_" + steps[i] + "_GIT", f1(med(sel, r -> gitNs(r.gitDuring(r.steps().get(step))))));
                        for (String cmd : List.of("fetch", "ls-remote", "archive", "log", "cat-file", "for-each-ref", "merge-base", "init")) {
                            out.put(key + "_" + steps[i] + "_" + cmd.toUpperCase(Locale.ROOT).replace('-', '_'),
                                    f1(med(sel, r -> r.gitDuring(r.steps().get(step)).stream()
                                            .filter(p -> !p.child() && p.name().equals(cmd)).mapToLong(GitProc::ns).sum())));
                        }
                        out.put(key + "_" + steps[i] + "_PROCS", f0(median(sel.stream().map(r ->
                                (long) r.gitDuring(r.steps().get(step)).stream().filter(p -> !p.child()).count()).toList())));
                    }
                    out.put(key + "_GIT", f1(med(sel, r -> gitNs(r.git()))));
                    out.put(key + "_PROCS", f0(median(sel.stream().map(r -> (long) r.git().stream().filter(p -> !p.child()).count()).toList())));
                }
                for (String scenario : List.of("cold", "warm")) {
                    List<Run> sel = select("go", kind, scenario);
                    String key = "GO_" + kind + "_" + scenario.toUpperCase(Locale.ROOT);
                    out.put(key, f1(med(sel, Run::total)));
                    out.put(key + "_GIT", f1(med(sel, r -> gitNs(r.git()))));
                    for (String cmd : List.of("fetch", "ls-remote", "archive", "init")) {
                        out.put(key + "_" + cmd.toUpperCase(Locale.ROOT).replace('-', '_'), f1(med(sel, r -> r.git().stream()
                                .filter(p -> !p.child() && p.name().equals(cmd)).mapToLong(GitProc::ns).sum())));
                    }
                    out.put(key + "_PROCS", f0(median(sel.stream().map(r -> (long) r.git().stream().filter(p -> !p.child()).count()).toList())));
                }
            }
            out.put("SPAWN_MS", f1(c.spawnMs()));
            out.put("GIT_VERSION_TABS_MS", f2(c.gitVersionTabsMs()));
            out.put("ARCHIVE_MS", f1(c.archiveMs()));
            out.put("ARCHIVE_BYTES", Long.toString(c.archiveBytes()));
            out.put("ARCHIVE0_MS", f1(c.archiveStoredMs()));
            out.put("ARCHIVE0_BYTES", Long.toString(c.archiveStoredBytes()));
            out.put("REZIP_MS", f1(c.rewriteMs()));
            out.put("REZIP0_MS", f1(c.rewriteFromStoredMs()));
            out.put("COMMITBLOB_MS", f1(c.commitBlobMs()));
            out.put("SYNCPUT_MS", f2(c.syncPutMs()));
            out.put("REPOZIP_MS", f1(c.repoZipMs()));
            out.put("REPOZIP_GIT_MS", f1(c.repoZipGitMs()));
            out.put("REPOZIP_PROCS", Integer.toString(c.repoZipGitProcs()));
            out.put("REWRITE_MS", f1(c.repoZipMs() - c.repoZipGitMs()));
            out.put("HASHZIP_MS", f1(c.hashZipMs()));
            out.put("SHA256_MS", f1(c.sha256Ms()));
            out.put("ZIPCHECK_MS", f1(c.zipCheckMs()));
            out.put("ZIP_BYTES", Long.toString(c.zipBytes()));
            out.put("ZIP_ENTRIES", Integer.toString(c.zipEntries()));
            out.put("ZIP_UNCOMPRESSED", Long.toString(c.zipUncompressed()));
            out.put("MIRROR_BYTES", Long.toString(c.mirrorBytes()));
            return out;
        }

        /** "fetch 1× 310.2, log 4× 12.0, (index-pack 1× 80.1)": per command, median count and median summed time. */
        static String commands(List<Run> runs, Function<Run, List<GitProc>> procs) {
            Map<String, List<Long>> times = new TreeMap<>();
            Map<String, List<Long>> counts = new TreeMap<>();
            for (Run run : runs) {
                Map<String, long[]> per = new HashMap<>();
                for (GitProc p : procs.apply(run)) {
                    long[] v = per.computeIfAbsent((p.child() ? "(" : "") + p.name(), k -> new long[2]);
                    v[0]++;
                    v[1] += p.ns();
                }
                for (String name : per.keySet()) {
                    times.computeIfAbsent(name, k -> new ArrayList<>());
                    counts.computeIfAbsent(name, k -> new ArrayList<>());
                }
                for (String name : times.keySet()) {
                    long[] v = per.getOrDefault(name, new long[2]);
                    counts.get(name).add(v[0]);
                    times.get(name).add(v[1]);
                }
            }
            List<Map.Entry<String, List<Long>>> order = new ArrayList<>(times.entrySet());
            order.sort(Comparator.comparingDouble((Map.Entry<String, List<Long>> e) -> -median(e.getValue())));
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<Long>> e : order) {
                String name = e.getKey();
                boolean child = name.startsWith("(");
                String text = (child ? name.substring(1) : name) + " " + f0(median(counts.get(name))) + "× " + f1(ms(median(e.getValue())));
                parts.add(child ? "(" + text + ")" : text);
            }
            return parts.isEmpty() ? "—" : String.join(", ", parts);
        }

        /** "go-get 1, info/refs 401 2, …" in order of first appearance (from the first measured run). */
        static String hostRequests(List<String> requests) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            requests.forEach(r -> counts.merge(r, 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(k + " " + v + "×"));
            return parts.isEmpty() ? "—" : String.join(", ", parts);
        }

        static String range(List<Run> sel) {
            List<Long> totals = sel.stream().map(Run::total).sorted().toList();
            return f1(ms(totals.get(0))) + "–" + f1(ms(totals.get(totals.size() - 1)));
        }
    }

    // ------------------------------------------------------------------ helpers

    static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static double ms(double ns) {
        return ns / 1e6;
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static double secs(long startNs) {
        return (System.nanoTime() - startNs) / 1e9;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[private %tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static long treeSize(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("measuring " + dir, e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isWritable(p)) {
                    p.toFile().setWritable(true);
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}
