package io.modvault.server;

import io.modvault.core.upstream.ProxyTunnelling;
import io.modvault.server.prewarm.PrewarmRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modvault} command line. Subcommands: {@code serve} (run the proxy),
 * {@code verify} (re-hash the stored artifacts against their recorded hashes) and {@code prewarm}
 * (fill the cache ahead of need), {@code export}/{@code import} (air-gap bundles) and {@code keygen}
 * (a key pair to sign them). Exit status is 0 on success, 2 for usage or configuration
 * errors, 1 for other failures (for {@code verify}: problems found; for {@code prewarm}: items
 * that could not be fetched).
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
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand("serve", ServeCommand.commandLine());
        root.addSubcommand("verify", VerifyCommand.commandLine(System.getenv(), System.out, System.err));
        root.addSubcommand("prewarm", PrewarmCommand.commandLine(PrewarmRun.Io.system()));
        root.addSubcommand("export", ExportCommand.commandLine(PrewarmRun.Io.system()));
        root.addSubcommand("import", ImportCommand.commandLine(PrewarmRun.Io.system()));
        root.addSubcommand("keygen", KeygenCommand.commandLine(PrewarmRun.Io.system()));
        return root;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
