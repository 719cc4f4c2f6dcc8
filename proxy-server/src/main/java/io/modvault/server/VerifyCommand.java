package io.modvault.server;

import io.modvault.core.storage.StoreException;
import io.modvault.core.verify.StoreAudit;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modvault verify}: opens the RocksDB store of the configured data directory (the same
 * {@link ConfigLoader} as {@code serve}: {@code MODVAULT_DATA_DIR}, {@code --data-dir},
 * {@code --config}) with {@link Modvault#openStore}, runs a {@link StoreAudit} and prints one
 * line per problem and a summary.
 * Exit status 0 when clean, 1 when a problem was found, 2 when the configuration is invalid or
 * the store cannot be opened (e.g. a server holds its lock) or read. Store logs below ERROR are
 * silenced (unless the log level is DEBUG) so the output is the report alone.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description =
                "Re-hash every stored go.mod and zip and compare with the h1: hashes recorded when they were stored."
                        + " Run it while no modvault server uses the data directory.")
final class VerifyCommand implements Callable<Integer> {
    static final int CLEAN = 0;
    static final int PROBLEMS = 1;
    static final int ERROR = 2;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "YAML file of settings (keys as in the environment); env " + ConfigLoader.CONFIG_FILE_ENV + ".")
    private Path configFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the store; env MODVAULT_DATA_DIR.")
    private String dataDir;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    private VerifyCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    static CommandLine commandLine(Map<String, String> environment, PrintStream out, PrintStream err) {
        return StartupFailures.install(new CommandLine(new VerifyCommand(environment, out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)));
    }

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = ConfigLoader.load(environment, Optional.ofNullable(configFile), flags());
        } catch (ConfigException e) {
            return fail("configuration error: " + e.getMessage());
        }
        if (config.store() != ServerConfig.StoreType.ROCKSDB) {
            return fail("configuration error: " + ConfigKey.STORE.envName() + "="
                    + config.store().name().toLowerCase(Locale.ROOT)
                    + " keeps nothing on disk; verify checks a rocksdb store");
        }
        Path dir = config.dataDir();
        if (!Files.isDirectory(dir.resolve("db"))) {
            return fail("no modvault store in " + dir.toAbsolutePath() + " (it has no db/ directory); check "
                    + ConfigKey.DATA_DIR.envName() + " or --data-dir");
        }
        LogLevels.apply("DEBUG".equalsIgnoreCase(config.logLevel()) ? "DEBUG" : "ERROR");
        StoreAudit.Result result;
        try (Modvault modvault = Modvault.openStore(config, Clock.systemUTC())) {
            result = StoreAudit.run(modvault.store());
        } catch (StoreLockedException e) {
            return fail(e.messageFor("verify"));
        } catch (StoreException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return fail("cannot read the store in " + dir.toAbsolutePath() + ": " + message);
        }
        result.problems().forEach(problem -> out.println(problem.line()));
        out.println(result.summary());
        out.flush();
        return result.clean() ? CLEAN : PROBLEMS;
    }

    private Map<ConfigKey, String> flags() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (dataDir != null) {
            flags.put(ConfigKey.DATA_DIR, dataDir);
        }
        return flags;
    }

    private int fail(String message) {
        err.println("modvault verify: " + message);
        err.flush();
        return ERROR;
    }
}
