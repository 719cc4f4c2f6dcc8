package io.modvault.server;

import io.modvault.core.bundle.BundleImporter;
import io.modvault.core.bundle.ImportListener;
import io.modvault.core.bundle.ImportReport;
import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.storage.StoreException;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.prewarm.PrewarmRun;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.note.VerifierKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code modvault import}: streams an air-gap bundle into the data directory ({@link BundleImporter}),
 * verifying every artifact against the manifest and, for public modules, against the bundled
 * checksum-database evidence with the configured GOSUMDB key; never contacts the network. The
 * server using the data directory must be stopped ({@code --server} is refused: modvault has no
 * admin endpoint yet). Exit 0 when everything was stored or already present, 1 when a file or
 * the bundle was refused (the first named), 2 for usage and configuration errors.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = {
            "Import an air-gap bundle written by modvault export into the data directory, verifying each artifact:"
                    + " SHA-256 and h1: against the manifest, and for public modules the bundled checksum-database"
                    + " lookup, signed tree head (GOSUMDB key), inclusion and consistency proofs.",
            "FILE may be - for standard input. Stop the server that uses the data directory first; afterwards"
                    + " modvault serve --upstream off answers the go command with GOSUMDB on."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The bundle, or - for standard input.")
    private String file;

    @Option(
            names = "--trust-key",
            paramLabel = "FILE",
            description =
                    "Require the manifest to be signed by this verifier key (name+hash+key, from modvault keygen).")
    private Path trustKey;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Not supported yet (no admin endpoint): stop the server and import into its data directory.")
    private String server;

    private final PrewarmRun.Io io;

    private ImportCommand(PrewarmRun.Io io) {
        this.io = io;
    }

    static CommandLine commandLine(PrewarmRun.Io io) {
        return ConfigOptions.offlineCommandLine(new ImportCommand(io), io);
    }

    @Override
    public Integer call() {
        if (server != null) {
            return usage(
                    "--server " + server + ": importing into a running modvault is not supported yet (it has no"
                            + " admin endpoint); stop the server, run modvault import with its --data-dir, then start it again");
        }
        if (!file.equals("-") && !Files.isRegularFile(Path.of(file))) {
            return usage(file + ": no such file");
        }
        Optional<VerifierKey> key;
        ServerConfig config;
        try {
            key = trustKey == null ? Optional.empty() : Optional.of(Keys.verifier(trustKey));
            config = ConfigOptions.load(spec, io.environment());
        } catch (UncheckedIOException | SumdbException e) {
            return usage("--trust-key " + trustKey + ": " + e.getMessage());
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        }
        if (config.store() != ServerConfig.StoreType.ROCKSDB) {
            return usage(
                    config.store().name().toLowerCase(Locale.ROOT) + " store keeps nothing on disk to import into");
        }
        LogLevels.apply("DEBUG".equalsIgnoreCase(config.logLevel()) ? "DEBUG" : "WARN");
        VerificationSettings verification;
        try (Components components = new Components(config, io.clock())) {
            verification = components.verification();
        } catch (ConfigException e) {
            return usage("configuration error: " + e.getMessage());
        }
        Modvault modvault;
        try {
            modvault = Modvault.openStore(config, io.clock());
        } catch (StoreLockedException e) {
            return usage(e.messageFor("import"));
        } catch (StoreException e) {
            return usage("cannot open the store in " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
        }
        try (modvault;
                InputStream in = open()) {
            BundleImporter importer = new BundleImporter(
                    modvault.store(),
                    verification.database(),
                    verification.noSumdb(),
                    ZipLimits.GO.withMaxZipFile(config.fetch().maxZipBytes()));
            ImportReport report = importer.importFrom(in, key, new ImportListener() {
                @Override
                public void failed(String name, String reason) {
                    io.out().println("FAILED " + name + ": " + reason);
                }
            });
            report.refused().ifPresent(why -> io.out().println("REFUSED " + why));
            io.out()
                    .println("import: " + report.stored() + " files stored, " + report.present()
                            + " already present, " + report.failures().size() + " failed"
                            + (report.refused().isPresent() ? "; bundle refused" : ""));
            report.firstProblem().ifPresent(problem -> io.err().println("modvault import: " + problem));
            return report.succeeded() ? PrewarmCommand.DONE : PrewarmCommand.FAILED;
        } catch (IOException e) {
            io.err().println("modvault import: reading " + file + " failed: " + e.getMessage());
            return PrewarmCommand.FAILED;
        } catch (StoreException e) {
            // What was committed before stays (each file is its own atomic write); the rest is not stored.
            io.err().println("modvault import: the store failed: " + e.getMessage());
            return PrewarmCommand.FAILED;
        }
    }

    private InputStream open() throws IOException {
        InputStream raw = file.equals("-") ? io.stdin() : Files.newInputStream(Path.of(file));
        return new BufferedInputStream(raw, 1 << 16);
    }

    private int usage(String message) {
        io.err().println("modvault import: " + message);
        io.err().flush();
        return PrewarmCommand.USAGE;
    }
}
