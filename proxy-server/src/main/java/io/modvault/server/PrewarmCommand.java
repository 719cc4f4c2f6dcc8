package io.modvault.server;

import io.modvault.core.feed.FeedException;
import io.modvault.core.feed.HttpFeedSource;
import io.modvault.core.prewarm.ArtifactFetcher;
import io.modvault.core.prewarm.HttpArtifactFetcher;
import io.modvault.core.prewarm.InputException;
import io.modvault.core.prewarm.PrewarmInputs;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.prewarm.ProxyArtifactFetcher;
import io.modvault.core.storage.StoreException;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.prewarm.FeedPrewarm;
import io.modvault.server.prewarm.PrewarmRun;
import io.modvault.server.prewarm.ToolchainOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modvault prewarm [INPUT...]}: fills the cache before it is needed. Inputs are expanded
 * by {@link PrewarmInputs}; the items are fetched either through the {@link Modvault} of the data
 * directory (the server stopped) or, with {@code --server}, with GETs to a running modvault or any
 * GOPROXY. Settings as for {@code serve} ({@link ConfigOptions}). Exit status 0 when every item is
 * in the cache, 1 when some failed (each named; a go.sum hash mismatch is a failed item), 2 for
 * usage and configuration errors, including a data directory held by a running server. A go.mod
 * or go.work (given, or found in a directory) expands to its module graph when the run starts,
 * through the same fetcher; a local replacement whose requirements cannot be followed is named on
 * standard error without failing the run.
 */
@Command(
        name = "prewarm",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = {
            "Fetch modules into the cache before they are needed: verified, stored, ready for offline use.",
            "INPUT is a go.mod or go.work file (its module graph: every required version's .mod, transitively,"
                    + " and the .info, .mod and .zip of every version minimal version selection picks, with replace"
                    + " and exclude honoured), a go.sum file (each line's .mod, or .info, .mod and .zip, checked"
                    + " against the line's h1:), a directory (searched for go.mod, go.sum and go.work files, skipping"
                    + " vendor, testdata, node_modules and hidden directories), module@version (its .info, .mod and"
                    + " .zip), module@latest or another query (resolved by the proxy, then fetched), or - to read"
                    + " inputs from standard input, one per line (blank lines and # comments ignored).",
            "Without --server the data directory is filled directly; stop the server that uses it first.",
            "With --feed URL the versions come from an index feed instead (another modvault's /index, or"
                    + " index.golang.org's): one pass from where the last run stopped to the end of the feed, for"
                    + " cron or a systemd timer."
        })
final class PrewarmCommand implements Callable<Integer> {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "INPUT",
            arity = "0..*",
            description = "go.mod, go.work, go.sum, DIRECTORY, module@version, module@latest, module@query, or -.")
    private List<String> inputs = new ArrayList<>();

    @Mixin
    private ToolchainOptions toolchains = new ToolchainOptions();

    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "Prewarm through a running modvault (or any GOPROXY) at URL, which fetches and verifies itself.")
    private String server;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "8",
            description =
                    "Items fetched at once, and go.mod files of a module graph read at once (default ${DEFAULT-VALUE}:"
                            + " fetching waits on the network, so a few in flight hide most round trips while staying"
                            + " polite to a shared upstream).")
    private int jobs;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write a machine-readable report to FILE (- for standard output).")
    private String json;

    @Option(
            names = "--feed",
            paramLabel = "URL",
            description = "Prewarm every version an index feed lists (e.g. https://dmz-modvault.example/index),"
                    + " continuing from where the last run stopped; no INPUT with it.")
    private String feed;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "With --feed: start at this RFC 3339 time instead of the remembered point.")
    private String since;

    @Option(
            names = "--feed-state",
            paramLabel = "FILE",
            description = "With --feed: where the remembered point is kept (default"
                    + " <data-dir>/feeds/<hash of URL>.json; required with --server).")
    private Path feedState;

    private final PrewarmRun.Io io;

    private PrewarmCommand(PrewarmRun.Io io) {
        this.io = io;
    }

    static CommandLine commandLine(PrewarmRun.Io io) {
        return ConfigOptions.offlineCommandLine(new PrewarmCommand(io), io);
    }

    @Override
    public Integer call() {
        if (feed != null || since != null || feedState != null) {
            return followFeed();
        }
        if (inputs.isEmpty() && !toolchains.any()) {
            return usage("no inputs: give a go.mod, go.work or go.sum, a directory, module@version,"
                    + " module@latest, or - to read them from standard input (or --toolchain goVERSION)");
        }
        if (jobs < 1) {
            return usage("--jobs must be at least 1, not " + jobs);
        }
        if (json != null
                && !json.equals("-")
                && !Files.isDirectory(Path.of(json).toAbsolutePath().getParent())) {
            return usage("--json " + json + ": its directory does not exist");
        }
        List<PrewarmItem> items;
        ServerConfig config;
        try {
            // A note (a local replacement without go.mod) is for the user; the run goes on.
            items = PrewarmInputs.standard(note -> io.err().println("modvault prewarm: " + note))
                    .expand(
                            inputs,
                            () -> new BufferedReader(new InputStreamReader(io.stdin(), StandardCharsets.UTF_8)));
            items = toolchains.addTo(items);
            config = ConfigOptions.load(spec, io.environment());
        } catch (InputException | UncheckedIOException e) {
            return usage(e.getMessage());
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        }
        PrewarmRun run = new PrewarmRun(io, json, jobs);
        return server != null ? throughServer(config, items, run) : intoDataDir(config, items, run);
    }

    private int followFeed() {
        if (feed == null) {
            return usage("--since and --feed-state go with --feed URL");
        }
        if (!inputs.isEmpty()) {
            return usage("--feed lists the versions itself; give no INPUT with it");
        }
        if (jobs < 1) {
            return usage("--jobs must be at least 1, not " + jobs);
        }
        if (!isHttpUrl(feed)) {
            return usage("--feed " + feed + ": not an http:// or https:// URL");
        }
        if (server != null && feedState == null) {
            return usage("--feed with --server needs --feed-state FILE: the data directory is the server's");
        }
        FeedPrewarm pass;
        ServerConfig config;
        try {
            config = ConfigOptions.load(spec, io.environment());
            Path state = feedState != null ? feedState : FeedPrewarm.defaultStateFile(config.dataDir(), feed);
            HttpFeedSource source = new HttpFeedSource(feed, config.connectTimeout(), config.upstreamTimeout());
            pass = FeedPrewarm.prepare(source, state, Optional.ofNullable(since), io.err());
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        } catch (FeedPrewarm.Usage e) {
            return usage(e.getMessage());
        } catch (FeedException e) {
            io.err().println("modvault prewarm: " + e.getMessage());
            return FAILED;
        }
        PrewarmRun run = new PrewarmRun(io, json, jobs).afterRun(pass::remember);
        List<PrewarmItem> items = pass.items();
        int status = server != null ? throughServer(config, items, run) : intoDataDir(config, items, run);
        return status == DONE && !pass.stateWritten() ? FAILED : status;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI url = URI.create(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private int throughServer(ServerConfig config, List<PrewarmItem> items, PrewarmRun run) {
        URI url;
        try {
            url = URI.create(server);
        } catch (IllegalArgumentException e) {
            return usage("--server " + server + ": " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return usage("--server " + server + ": not an http:// or https:// URL");
        }
        ArtifactFetcher fetcher = new HttpArtifactFetcher(server, config.connectTimeout(), config.upstreamTimeout());
        return run.execute(fetcher, items, () -> {});
    }

    private int intoDataDir(ServerConfig config, List<PrewarmItem> items, PrewarmRun run) {
        if (config.store() != ServerConfig.StoreType.ROCKSDB) {
            return usage(ConfigKey.STORE.envName() + "=" + config.store().name().toLowerCase(Locale.ROOT)
                    + " keeps nothing on disk; prewarm fills a rocksdb store, or a running server with --server URL");
        }
        LogLevels.apply("DEBUG".equalsIgnoreCase(config.logLevel()) ? "DEBUG" : "WARN");
        Modvault modvault;
        try {
            modvault = Modvault.open(config, io.clock());
        } catch (StoreLockedException e) {
            return usage(e.messageFor("prewarm") + ", or prewarm through that server with --server URL");
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        } catch (StoreException e) {
            return usage("cannot open the store in " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
        }
        toolchains.unprovenWarning(config.sumdb(), config.routing()).ifPresent(io.err()::println);
        try (modvault) {
            return run.execute(new ProxyArtifactFetcher(modvault.proxy(), modvault.store()), items, modvault);
        }
    }

    private int usage(String message) {
        io.err().println("modvault prewarm: " + message);
        io.err().flush();
        return USAGE;
    }
}
