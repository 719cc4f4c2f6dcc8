package io.modvault.server;

import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.ServerConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code modvault serve}: loads the configuration and runs the server until SIGTERM/SIGINT,
 * then shuts down gracefully. Its flags are generated from {@link ConfigKey}, so every setting
 * has a flag, and help shows each one's environment name and default.
 */
final class ServeCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;
    private final Map<String, String> environment;
    private final PrintStream err;
    private CommandSpec spec;

    private ServeCommand(Map<String, String> environment, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.err = err;
    }

    static CommandLine commandLine(Map<String, String> environment, PrintStream err) {
        ServeCommand command = new ServeCommand(environment, err);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.usageMessage().description("Run the proxy server until SIGTERM or SIGINT.");
        spec.mixinStandardHelpOptions(true);
        ConfigOptions.addTo(spec, EnumSet.allOf(ConfigKey.class));
        command.spec = spec;
        return StartupFailures.install(new CommandLine(spec).setErr(new PrintWriter(err, true)));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config;
        try {
            config = ConfigOptions.load(spec, environment);
        } catch (ConfigException e) {
            err.println("modvault: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        LogLevels.apply(config.logLevel());
        ModvaultServer server;
        try {
            server = ModvaultServer.start(config);
        } catch (ConfigException e) {
            err.println("modvault: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            LogLevels.flush();
                            stopped.countDown();
                        },
                        "modvault-shutdown"));
        stopped.await();
        return 0;
    }
}
