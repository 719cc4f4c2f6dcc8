package io.modvault.server;

import io.modvault.server.prewarm.PrewarmRun;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modvault keygen NAME}: makes an Ed25519 key pair for signing bundles, in the go command's
 * note-key format (golang.org/x/mod/sumdb/note {@code GenerateKey}): {@code NAME.key} holds the
 * signer key {@code PRIVATE+KEY+NAME+hash+key} (mode 0600, for {@code export --sign-key}),
 * {@code NAME.pub} the verifier key {@code NAME+hash+key} (for {@code import --trust-key}), which
 * is also printed. Existing files are never overwritten. Exit 0, 1 when a file cannot be written,
 * 2 for usage errors.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = {
            "Make a key pair for signing air-gap bundles (go note format): NAME.key (secret, for export --sign-key)"
                    + " and NAME.pub (for import --trust-key); prints the public key."
        })
final class KeygenCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The key's name, e.g. bundles.example.com.")
    private String name;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where to write NAME.key and NAME.pub (default the current directory).")
    private Path dir;

    private final PrewarmRun.Io io;

    private KeygenCommand(PrewarmRun.Io io) {
        this.io = io;
    }

    static CommandLine commandLine(PrewarmRun.Io io) {
        return new CommandLine(new KeygenCommand(io))
                .setOut(new PrintWriter(io.out(), true))
                .setErr(new PrintWriter(io.err(), true));
    }

    @Override
    public Integer call() {
        NoteSigner signer;
        try {
            signer = NoteSigner.generate(name, new SecureRandom());
        } catch (SumdbException e) {
            io.err().println("modvault keygen: " + e.getMessage());
            return PrewarmCommand.USAGE;
        }
        if (!Files.isDirectory(dir)) {
            io.err().println("modvault keygen: --dir " + dir + " is not a directory");
            return PrewarmCommand.USAGE;
        }
        Path secret = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        try {
            if (Files.exists(pub)) {
                throw new FileAlreadyExistsException(pub.toString());
            }
            Files.createFile(
                    secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, signer.signerKey() + "\n", StandardCharsets.UTF_8);
            Files.writeString(pub, signer.verifierKey().format() + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            io.err().println("modvault keygen: " + e.getFile() + " exists; not overwriting a key");
            return PrewarmCommand.FAILED;
        } catch (IOException e) {
            io.err().println("modvault keygen: " + e.getMessage());
            return PrewarmCommand.FAILED;
        }
        io.out().println(signer.verifierKey().format());
        io.err().println("modvault keygen: wrote " + secret + " (keep it secret) and " + pub);
        return PrewarmCommand.DONE;
    }
}
