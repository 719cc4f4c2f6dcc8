package io.modvault.core.fetch;

import io.modvault.core.storage.EntryKey;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the small-artifact algorithm needs to know about one request: where it is
 * stored, where the upstream has it, how long it stays fresh, how large it may be, and how to
 * check an upstream answer before it is stored ({@code check} returns the problem, if any).
 */
record SmallArtifact(EntryKey key, String upstreamPath, Freshness freshness, long maxBytes,
                     MediaType type, Function<byte[], Optional<String>> check) {
}
