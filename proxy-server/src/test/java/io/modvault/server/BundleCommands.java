package io.modvault.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.modvault.server.prewarm.PrewarmRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs {@code modvault export}, {@code import} and {@code keygen} in-process, as picocli would
 * from {@code main}, with the environment given; for tests in other packages. The root log level
 * the commands set is restored afterwards.
 */
public final class BundleCommands {
    private BundleCommands() {}

    public static PrewarmCommands.Run export(Map<String, String> environment, String... args) {
        return run(ExportCommand::commandLine, environment, args);
    }

    public static PrewarmCommands.Run importBundle(Map<String, String> environment, String... args) {
        return run(ImportCommand::commandLine, environment, args);
    }

    public static PrewarmCommands.Run keygen(String... args) {
        return run(KeygenCommand::commandLine, Map.of(), args);
    }

    private static PrewarmCommands.Run run(
            Function<PrewarmRun.Io, CommandLine> command, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrewarmRun.Io io = new PrewarmRun.Io(
                environment,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                Duration.ofSeconds(5),
                Clock.systemUTC());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        try {
            int exit = command.apply(io).execute(args);
            return new PrewarmCommands.Run(
                    exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            root.setLevel(level);
        }
    }
}
