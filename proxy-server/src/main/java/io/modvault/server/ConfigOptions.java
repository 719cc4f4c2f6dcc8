package io.modvault.server;

import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.prewarm.PrewarmRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings flags of the commands that start a {@link Modvault}: {@code --config FILE} and one
 * flag per {@link ConfigKey}, generated so that every setting has a flag and help shows each
 * one's environment name and default; and the loading of those flags over the environment and
 * the file through the one {@link ConfigLoader}. Commands without a listener leave out the keys
 * that only a server reads ({@link #LISTENER_KEYS}), though the environment may still set them.
 */
final class ConfigOptions {
    /** Settings of the HTTP listener, its connections, in-memory cache and background scrub. */
    static final Set<ConfigKey> LISTENER_KEYS = EnumSet.of(
            ConfigKey.LISTEN,
            ConfigKey.MEMORY_CACHE,
            ConfigKey.SHUTDOWN_GRACE,
            ConfigKey.EVENT_LOOP_THREADS,
            ConfigKey.REQUEST_HEADER_TIMEOUT,
            ConfigKey.IDLE_TIMEOUT,
            ConfigKey.MAX_CONNECTIONS,
            ConfigKey.MAX_CONNECTIONS_PER_CLIENT,
            ConfigKey.SCRUB_INTERVAL,
            ConfigKey.SCRUB_RATE);

    private ConfigOptions() {}

    /**
     * The command line of an offline command ({@code prewarm}, {@code export}, {@code import}):
     * {@code command} with every setting except the listen address, writing to {@code io}'s streams.
     */
    static CommandLine offlineCommandLine(Object command, PrewarmRun.Io io) {
        CommandLine commandLine = new CommandLine(command);
        addTo(commandLine.getCommandSpec(), withoutListener());
        return StartupFailures.install(
                commandLine.setOut(new PrintWriter(io.out(), true)).setErr(new PrintWriter(io.err(), true)));
    }

    /** Every key except the listener's. */
    static Set<ConfigKey> withoutListener() {
        Set<ConfigKey> keys = EnumSet.allOf(ConfigKey.class);
        keys.removeAll(LISTENER_KEYS);
        return keys;
    }

    static void addTo(CommandSpec spec, Set<ConfigKey> keys) {
        spec.addOption(OptionSpec.builder("--config")
                .paramLabel("FILE")
                .type(Path.class)
                .description(
                        "YAML file of settings (keys as in the environment); env " + ConfigLoader.CONFIG_FILE_ENV + ".")
                .build());
        for (ConfigKey key : keys) {
            spec.addOption(OptionSpec.builder(key.flag())
                    .paramLabel("VALUE")
                    .type(String.class)
                    .description(key.description() + " Env " + key.envName() + ", default " + key.defaultValue() + ".")
                    .build());
        }
    }

    /** Defaults &lt; file &lt; environment &lt; the flags given; throws {@code ConfigException} naming a bad key. */
    static ServerConfig load(CommandSpec spec, Map<String, String> environment) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            Optional.ofNullable(spec.findOption(key.flag()))
                    .map(option -> option.<String>getValue())
                    .ifPresent(value -> flags.put(key, value));
        }
        Path file = spec.findOption("--config").getValue();
        return ConfigLoader.load(environment, Optional.ofNullable(file), flags);
    }
}
