package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the small-artifact algorithm needs to know about one request: where it is
 * stored, where the upstream has it, how long it stays fresh, how large it may be, and the
 * gate an upstream answer must pass before it is stored.
 */
record SmallArtifact(EntryKey key, String upstreamPath, Freshness freshness, long maxBytes, MediaType type, Gate gate) {

    /** Checks an upstream answer (given the body and the upstream that sent it) before anything is stored. */
    @FunctionalInterface
    interface Gate {
        Admission admit(byte[] body, String upstream);

        /** This gate, and if it admits, {@code next} decides instead. */
        default Gate then(Gate next) {
            return (body, upstream) ->
                    admit(body, upstream) instanceof Admission.Refuse refused ? refused : next.admit(body, upstream);
        }
    }

    /** A gate's decision: refuse with a failure, or admit and store these entries in the same atomic write. */
    sealed interface Admission {
        record Refuse(FetchResult.Failure failure) implements Admission {}

        record Admit(Map<EntryKey, byte[]> alsoStore) implements Admission {}
    }

    /** A gate for structural checks: a problem becomes a 502 naming the upstream. */
    static Gate structural(String path, Function<byte[], Optional<String>> problem) {
        return (body, upstream) -> problem.apply(body)
                .<Admission>map(p -> new Admission.Refuse(UpstreamFailures.invalid(path, upstream, p)))
                .orElse(new Admission.Admit(Map.of()));
    }

    static Gate open() {
        return (body, upstream) -> new Admission.Admit(Map.of());
    }
}
