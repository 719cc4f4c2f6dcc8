package io.modvault.server;

import io.modvault.core.bundle.BundleExporter;
import io.modvault.core.bundle.BundleManifest;
import io.modvault.core.bundle.ExportReport;
import io.modvault.core.bundle.ExportSelection;
import io.modvault.core.bundle.ExportSelector;
import io.modvault.core.bundle.PreviousBundle;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.prewarm.InputException;
import io.modvault.core.prewarm.PrewarmInputs;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.storage.StoreException;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.prewarm.PrewarmRun;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.note.NoteSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modvault export}: writes an air-gap bundle ({@link BundleExporter}) from the data
 * directory (the server stopped), fetching through the configured upstream and checksum database
 * what selected inputs name and the store lacks. Settings as for {@code serve}. Exit 0 when every
 * selected version is in the bundle, 1 when some were left out (each named), 2 for usage and
 * configuration errors.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = {
            "Write an air-gap bundle: module versions in GOPROXY layout, the checksum-database lookups and tiles"
                    + " that prove them, and a manifest (sizes, SHA-256, h1:), optionally signed.",
            "Select with INPUTs (as for prewarm: go.sum, DIRECTORY, module@version, module@latest, -), --all,"
                    + " --match, or what was stored --since a time or --after an earlier bundle; the bundle is written"
                    + " to a temp file and renamed when complete.",
            "Run it where the upstream is reachable, with the server that uses the data directory stopped."
        })
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "INPUT",
            arity = "0..*",
            description = "go.sum, DIRECTORY, module@version, module@query, or -.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The bundle file to write.")
    private Path output;

    @Option(names = "--all", description = "Every module version the store holds.")
    private boolean all;

    @Option(
            names = "--match",
            paramLabel = "PATTERN",
            description = "Only module paths matching these comma-separated glob patterns (GOPRIVATE syntax);"
                    + " without INPUTs it selects from everything stored.")
    private List<String> match = new ArrayList<>();

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only versions stored at or after TIME (RFC 3339, e.g. 2026-12-01T00:00:00Z).")
    private String since;

    @Option(
            names = "--after",
            paramLabel = "BUNDLE",
            description = "Only versions stored since BUNDLE was exported (an incremental bundle), with the proof"
                    + " that its checksum-database head is a prefix of this one's.")
    private Path after;

    @Option(
            names = "--sign-key",
            paramLabel = "FILE",
            description = "Sign the manifest with this private key (PRIVATE+KEY+..., from modvault keygen).")
    private Path signKey;

    private final PrewarmRun.Io io;

    private ExportCommand(PrewarmRun.Io io) {
        this.io = io;
    }

    static CommandLine commandLine(PrewarmRun.Io io) {
        return ConfigOptions.offlineCommandLine(new ExportCommand(io), io);
    }

    @Override
    public Integer call() {
        Instant started = io.clock().instant();
        if (inputs.isEmpty() && !all && match.isEmpty() && since == null && after == null) {
            return usage("nothing selected: give INPUTs, --all, --match PATTERN, --since TIME or --after BUNDLE");
        }
        if (!inputs.isEmpty() && (all || since != null || after != null)) {
            return usage("INPUTs exclude --all, --since and --after (those select from the store)");
        }
        if (since != null && after != null) {
            return usage("--since and --after exclude each other");
        }
        Optional<Instant> storedSince;
        Optional<BundleManifest> previous;
        try {
            previous = after == null ? Optional.empty() : Optional.of(PreviousBundle.manifest(after));
            storedSince = since != null
                    ? Optional.of(Instant.parse(since))
                    : previous.map(manifest -> Instant.parse(manifest.exportedAt()));
        } catch (IOException | RuntimeException e) {
            return usage((since != null ? "--since " + since : "--after " + after) + ": " + e.getMessage());
        }
        Path parent = output.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            return usage("--output " + output + ": its directory does not exist");
        }
        Optional<NoteSigner> signer;
        List<PrewarmItem> items;
        ServerConfig config;
        try {
            signer = signKey == null ? Optional.empty() : Optional.of(Keys.signer(signKey));
            items = PrewarmInputs.standard(skipped -> io.err().println("modvault export: " + skipped))
                    .expand(
                            inputs,
                            () -> new BufferedReader(new InputStreamReader(io.stdin(), StandardCharsets.UTF_8)));
            config = ConfigOptions.load(spec, io.environment());
        } catch (InputException | UncheckedIOException | SumdbException e) {
            return usage(e.getMessage());
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        }
        PrefixPatterns patterns = PrefixPatterns.parse(String.join(",", match));
        if (config.store() != ServerConfig.StoreType.ROCKSDB) {
            return usage(config.store().name().toLowerCase(Locale.ROOT) + " store keeps nothing on disk to export");
        }
        LogLevels.apply("DEBUG".equalsIgnoreCase(config.logLevel()) ? "DEBUG" : "WARN");
        Modvault modvault;
        try {
            modvault = Modvault.open(config, io.clock());
        } catch (StoreLockedException e) {
            return usage(e.messageFor("export"));
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        } catch (StoreException e) {
            return usage("cannot open the store in " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
        }
        try (modvault) {
            List<String> failed = new ArrayList<>();
            ExportSelector selector = new ExportSelector(modvault.store(), modvault.proxy());
            List<ExportSelection> selections = !inputs.isEmpty()
                    ? selector.fromItems(items, (name, why) -> failed.add(name + ": " + why))
                    : storedSince.map(selector::storedSince).orElseGet(selector::stored);
            if (!patterns.isEmpty()) {
                selections = ExportSelector.matching(selections, patterns);
            }
            ExportReport report = new BundleExporter(modvault.store(), modvault.proxy())
                    .export(new BundleExporter.Request(output, started, selections, selectors(), signer, previous));
            report.failures().forEach(f -> failed.add(f.name() + ": " + f.reason()));
            failed.forEach(line -> io.out().println("FAILED " + line));
            io.out()
                    .println("export: " + report.versions() + " module versions, " + report.files() + " files, "
                            + report.bytes() + " bytes"
                            + report.treeSize()
                                    .map(size -> ", checksum database tree " + size)
                                    .orElse("") + "; "
                            + failed.size() + " failed -> " + output);
            return failed.isEmpty() ? PrewarmCommand.DONE : PrewarmCommand.FAILED;
        } catch (IOException e) {
            io.err().println("modvault export: writing " + output + " failed: " + e.getMessage());
            return PrewarmCommand.FAILED;
        } catch (RuntimeException e) {
            io.err().println("modvault export: " + e.getMessage());
            return PrewarmCommand.FAILED;
        }
    }

    private List<String> selectors() {
        List<String> selectors = new ArrayList<>(inputs);
        if (all) {
            selectors.add("--all");
        }
        match.forEach(pattern -> selectors.add("--match " + pattern));
        if (since != null) {
            selectors.add("--since " + since);
        }
        if (after != null) {
            selectors.add("--after " + after.getFileName());
        }
        return selectors;
    }

    private int usage(String message) {
        io.err().println("modvault export: " + message);
        io.err().flush();
        return PrewarmCommand.USAGE;
    }
}
