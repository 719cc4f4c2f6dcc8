package io.modvault.server;

import io.modvault.core.upstream.ProxyTunnelling;
import io.modvault.server.prewarm.PrewarmRun;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modvault} command line. Subcommands: {@code serve} (run the proxy),
 * {@code verify} (re-hash the stored artifacts against their recorded hashes) and {@code prewarm}
 * (fill the cache ahead of need), {@code export}/{@code import} (air-gap bundles) and {@code keygen}
 * (a key pair to sign them). Exit status is 0 on success, 2 for usage or configuration
 * errors, 1 for other failures (for {@code verify}: problems found; for {@code prewarm}: items
 * that could not be fetched). A {@code StartupFailure} from any command (a port in use, a locked
 * data directory, an unreadable file) is printed by {@link StartupFailures} as one or two lines.
 */
@Command(
        name = "modvault",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "A Go module proxy (GOPROXY protocol) with an embedded, verified cache.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Before any HTTP client exists: proxy credentials must also work for CONNECT tunnels.
        ProxyTunnelling.allowBasicCredentials();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(PrewarmRun.Io.system());
    }

    /** Every command, reading {@code io}'s environment and writing to its streams. */
    static CommandLine commandLine(PrewarmRun.Io io) {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand("serve", ServeCommand.commandLine(io.environment(), io.err()));
        root.addSubcommand("verify", VerifyCommand.commandLine(io.environment(), io.out(), io.err()));
        root.addSubcommand("prewarm", PrewarmCommand.commandLine(io));
        root.addSubcommand("export", ExportCommand.commandLine(io));
        root.addSubcommand("import", ImportCommand.commandLine(io));
        root.addSubcommand("keygen", KeygenCommand.commandLine(io));
        root.setOut(new PrintWriter(io.out(), true));
        root.setErr(new PrintWriter(io.err(), true));
        // After the subcommands: picocli gives the handler to those present when it is set.
        StartupFailures.install(root);
        return root;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
