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
import org.slf4j.LoggerFactory;

/**
 * Runs {@code modvault prewarm} in-process, as picocli would from {@code main}, with the
 * environment, standard input and progress interval given and standard error not a terminal;
 * for tests in other packages. The root log level the command sets is restored afterwards.
 */
public final class PrewarmCommands {

    /** Exit status and what the command printed. */
    public record Run(int exit, String out, String err) {
        public String describe() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private PrewarmCommands() {}

    public static Run run(Map<String, String> environment, String stdin, Duration progressInterval, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrewarmRun.Io io = new PrewarmRun.Io(
                environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                progressInterval,
                Clock.systemUTC());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        try {
            int exit = PrewarmCommand.commandLine(io).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            root.setLevel(level);
        }
    }
}
