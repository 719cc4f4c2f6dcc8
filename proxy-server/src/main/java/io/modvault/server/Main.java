package io.modvault.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modvault} command line. Subcommands: {@code serve} (run the proxy) and
 * {@code verify} (re-hash the stored artifacts against their recorded hashes). Exit status is 0 on
 * success, 2 for usage or configuration errors, 1 for other failures (for {@code verify}: problems
 * found).
 */
@Command(
        name = "modvault",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "A Go module proxy (GOPROXY protocol) with an embedded, verified cache.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand("serve", ServeCommand.commandLine());
        root.addSubcommand("verify", VerifyCommand.commandLine(System.getenv(), System.out, System.err));
        return root;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
