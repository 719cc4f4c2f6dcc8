package io.modvault.server;

import io.modvault.server.config.StartupFailure;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The one place a {@link StartupFailure} from any command becomes what the operator sees: its
 * lines on the command's standard error, each prefixed with the command's name, and exit status
 * 2. The stack trace is logged at DEBUG only. Other exceptions keep picocli's default handling.
 */
final class StartupFailures implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_STATUS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(StartupFailures.class);

    /** Makes {@code commandLine} (and the subcommands it has now) report start-up failures. */
    static CommandLine install(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler(new StartupFailures());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (!(e instanceof StartupFailure failure)) {
            throw e;
        }
        LOG.debug("start-up failed", failure);
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandName();
        String prefix = (name.equals("modvault") ? name : "modvault " + name) + ": ";
        failure.lines().forEach(line -> err.println(prefix + line));
        err.flush();
        return EXIT_STATUS;
    }
}
