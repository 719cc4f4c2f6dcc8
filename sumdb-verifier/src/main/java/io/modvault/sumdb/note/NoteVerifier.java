package io.modvault.sumdb.note;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opens signed notes with a set of known keys, with the semantics of x/mod's {@code note.Open}:
 * signatures from unknown keys are kept as unverified, a signature from a known key that does not
 * verify rejects the whole note, and at least one verified signature is required.
 */
public final class NoteVerifier {

    private final Map<String, VerifierKey> byId = new HashMap<>();
    private final List<VerifierKey> keys;

    /** @throws SumdbException ({@link Reason#MALFORMED}) if two keys share a name and key hash */
    public NoteVerifier(List<VerifierKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a note verifier needs at least one key");
        }
        this.keys = List.copyOf(keys);
        for (VerifierKey key : this.keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new SumdbException(Reason.MALFORMED, "ambiguous key " + key.id());
            }
        }
    }

    public static NoteVerifier of(VerifierKey... keys) {
        return new NoteVerifier(List.of(keys));
    }

    /**
     * Parses and verifies {@code note}.
     *
     * @throws SumdbException {@link Reason#MALFORMED} for syntax errors, {@link Reason#BAD_SIGNATURE}
     *     for an invalid signature from a known key or when no known key signed the note
     */
    public VerifiedNote open(byte[] note) {
        SignedNote parsed = SignedNote.parse(note);
        byte[] message = parsed.signedBytes();
        Set<String> seenKeys = new HashSet<>();
        Set<NoteSignature> unverified = new LinkedHashSet<>();
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature sig : parsed.signatures()) {
            VerifierKey key = byId.get(sig.keyId());
            if (key == null) {
                unverified.add(sig);
            } else if (seenKeys.add(sig.keyId())) {
                if (!key.verify(message, sig.signature())) {
                    throw new SumdbException(Reason.BAD_SIGNATURE, "invalid signature for key " + key.id());
                }
                verified.add(sig);
            }
        }
        if (verified.isEmpty()) {
            throw new SumdbException(
                    Reason.BAD_SIGNATURE,
                    "note has no verifiable signatures (signed by "
                            + describe(unverified.stream()
                                    .map(NoteSignature::keyId)
                                    .distinct()
                                    .toList())
                            + "; known keys: "
                            + describe(keys.stream().map(VerifierKey::id).toList()) + ")");
        }
        return new VerifiedNote(parsed.text(), verified, List.copyOf(unverified));
    }

    private static String describe(List<String> ids) {
        return ids.isEmpty() ? "nobody" : ids.stream().collect(Collectors.joining(", "));
    }

    public List<VerifierKey> keys() {
        return keys;
    }
}
