package io.modvault.sumdb.note;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a signed note, {@code — <name> <base64(keyhash4 || signature)>}: the key
 * name, the 4-byte key hash and the base64 text exactly as it appeared.
 */
public record NoteSignature(String name, int keyHash, String base64) {

    public NoteSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base64, "base64");
    }

    /** {@code name+hash}, as in {@link VerifierKey#id()}. */
    public String keyId() {
        return NoteCodec.keyId(name, keyHash);
    }

    /** The raw signature bytes (the decoded base64 without its leading 4-byte key hash). */
    public byte[] signature() {
        byte[] all = NoteCodec.decodeBase64(base64).orElseThrow();
        return Arrays.copyOfRange(all, 4, all.length);
    }

    /** The line as it appears in a note, without its final newline. */
    public String line() {
        return SignedNote.SIG_PREFIX + name + " " + base64;
    }
}
