package io.modvault.sumdb.note;

import java.util.List;
import java.util.Objects;

/**
 * A note whose signatures were checked by {@link NoteVerifier#open}: its text, the signatures
 * that verified with a known key (at least one) and the lines from unknown keys (for example
 * witness cosignatures), with duplicates dropped.
 */
public record VerifiedNote(String text, List<NoteSignature> verified, List<NoteSignature> unverified) {

    public VerifiedNote {
        Objects.requireNonNull(text, "text");
        verified = List.copyOf(verified);
        unverified = List.copyOf(unverified);
    }
}
