package io.modvault.core.bundle;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.note.NoteVerifier;
import io.modvault.sumdb.note.VerifiedNote;
import io.modvault.sumdb.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The optional signature of a bundle: a note in the go command's format (golang.org/x/mod/sumdb/note)
 * whose text is the manifest's bytes, signed with an Ed25519 key made by {@code modvault keygen}.
 * The manifest holds every file's SHA-256, so one signature covers the whole bundle, private
 * modules included (they have no checksum-database record to prove them).
 */
public final class ManifestSignature {
    private ManifestSignature() {}

    /** The {@link BundleLayout#SIGNATURE} entry for {@code manifest}. */
    public static byte[] sign(byte[] manifest, NoteSigner signer) {
        return signer.sign(new String(manifest, StandardCharsets.UTF_8));
    }

    /** Why {@code signature} does not prove {@code manifest} under {@code key}; empty when it does. */
    public static Optional<String> problem(byte[] manifest, byte[] signature, VerifierKey key) {
        VerifiedNote note;
        try {
            note = NoteVerifier.of(key).open(signature);
        } catch (SumdbException e) {
            return Optional.of("manifest signature does not verify with key " + key.id() + ": " + e.getMessage());
        }
        if (!Arrays.equals(note.text().getBytes(StandardCharsets.UTF_8), manifest)) {
            return Optional.of("manifest signature by " + key.id() + " is for a different manifest");
        }
        return Optional.empty();
    }
}
