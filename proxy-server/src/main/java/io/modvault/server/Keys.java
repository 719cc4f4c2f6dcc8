package io.modvault.server;

import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.note.VerifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bundle signing keys read from files, in the go command's note-key format (one key per file, surrounding space ignored). */
final class Keys {
    private Keys() {}

    /** A {@code PRIVATE+KEY+name+hash+key} file; throws {@code SumdbException} or {@link UncheckedIOException} naming it. */
    static NoteSigner signer(Path file) {
        return NoteSigner.parse(read(file));
    }

    /** A {@code name+hash+key} verifier key file. */
    static VerifierKey verifier(Path file) {
        return VerifierKey.parse(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }
}
