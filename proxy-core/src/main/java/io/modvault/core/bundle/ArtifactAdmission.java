package io.modvault.core.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.fetch.InfoCheck;
import io.modvault.core.modcheck.GoModCheck;
import io.modvault.core.modcheck.ModuleZipCheck;
import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.LocalErrors;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.core.verify.Verdict;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Admits one module file of a bundle whose bytes already matched the manifest's SHA-256, through
 * the checks a fetched artifact passes and into the store the way a fetch stores it: an
 * {@code .info} must be well-formed for its version; a {@code .mod} and a zip must hash to the
 * manifest's {@code h1:}, pass the go.mod/zip structure checks, and be accepted by the
 * {@link ModuleVerifier} (lookup, signed head, inclusion and consistency, all read from the bundle
 * through {@link BundleChecksumReads}); then each is written in one atomic, synced write with its
 * recorded hash and the checksum-database evidence that proved it (a zip through
 * {@link ModuleStore#commitBlob}, its evidence as companions). What is already stored is left as
 * it is.
 */
final class ArtifactAdmission {
    /** The outcome for one file. */
    sealed interface Outcome {
        record Stored() implements Outcome {}

        record Present() implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    private final ModuleStore store;
    private final ModuleVerifier verifier;
    private final BundleChecksumReads reads;
    private final ZipLimits limits;

    ArtifactAdmission(ModuleStore store, ModuleVerifier verifier, BundleChecksumReads reads, ZipLimits limits) {
        this.store = store;
        this.verifier = verifier;
        this.reads = reads;
        this.limits = limits;
    }

    Outcome info(ModuleCoordinate c, byte[] body) {
        EntryKey key = key(EntryKind.INFO, c);
        if (store.get(key).isPresent()) {
            return new Outcome.Present();
        }
        Optional<String> problem = InfoCheck.problem(body, c.path(), Optional.of(c.version()));
        if (problem.isPresent()) {
            return new Outcome.Refused(problem.get());
        }
        store.put(key, body);
        return new Outcome.Stored();
    }

    Outcome mod(ModuleCoordinate c, byte[] body, Optional<String> manifestH1) {
        EntryKey key = key(EntryKind.MOD, c);
        if (store.get(key).isPresent()) {
            return new Outcome.Present();
        }
        Optional<String> problem = h1Problem(DirHash.hashGoMod(body), manifestH1)
                .or(() -> GoModCheck.problem(body, c.path(), c.version()));
        if (problem.isPresent()) {
            return new Outcome.Refused(problem.get());
        }
        Verdict verdict = verifier.verifyMod(c.path(), c.version(), body);
        if (verdict instanceof Verdict.Refused refused) {
            reads.discardUsed();
            return new Outcome.Refused(refused.reason());
        }
        Map<EntryKey, byte[]> writes = new HashMap<>(reads.takeUsed());
        writes.putAll(HashLedger.forMod(c.path(), c.version(), (Verdict.Accepted) verdict));
        writes.put(key, body);
        store.putAll(writes);
        return new Outcome.Stored();
    }

    /** {@code temp} is a store temp file holding the zip; it is moved into the blob area or left for the caller to delete. */
    Outcome zip(ModuleCoordinate c, Path temp, String sha256, Optional<String> manifestH1) {
        EntryKey key = key(EntryKind.ZIP, c);
        if (store.blob(key).isPresent()) {
            return new Outcome.Present();
        }
        String h1;
        try {
            h1 = DirHash.hashZip(temp);
        } catch (IOException | SumdbException e) {
            return new Outcome.Refused("zip cannot be hashed: " + LocalErrors.describe(e));
        }
        Optional<String> problem =
                h1Problem(h1, manifestH1).or(() -> ModuleZipCheck.problem(temp, c.path(), c.version(), limits));
        if (problem.isPresent()) {
            return new Outcome.Refused(problem.get());
        }
        Verdict verdict = verifier.verifyZipHash(c.path(), c.version(), h1);
        if (verdict instanceof Verdict.Refused refused) {
            reads.discardUsed();
            return new Outcome.Refused(refused.reason());
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        Map<EntryKey, byte[]> companions = new HashMap<>(reads.takeUsed());
        companions.putAll(HashLedger.forZip(c.path(), c.version(), accepted));
        store.commitBlob(key, temp, sha256, accepted.hash().getBytes(UTF_8), companions);
        return new Outcome.Stored();
    }

    /**
     * A module's {@code @v/list}: the versions it names whose {@code .info} is now stored, joined
     * with the list already stored, so an import never hides versions the store knew.
     */
    Outcome list(ModulePath module, byte[] body) {
        EntryKey key = EntryKey.of(EntryKind.LIST, module.escaped());
        TreeSet<String> versions = new TreeSet<>(ModuleVersion.ORDER);
        Optional<StoredEntry> stored = store.get(key);
        stored.ifPresent(entry -> versions.addAll(new String(entry.value(), UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .toList()));
        int before = versions.size();
        for (String line : new String(body, UTF_8).lines().map(String::strip).toList()) {
            if (!line.isEmpty()
                    && ModuleVersion.isCanonical(line)
                    && store.get(key(EntryKind.INFO, new ModuleCoordinate(module, line)))
                            .isPresent()) {
                versions.add(line);
            }
        }
        if (stored.isPresent() && versions.size() == before) {
            return new Outcome.Present();
        }
        store.put(key, (String.join("\n", versions) + (versions.isEmpty() ? "" : "\n")).getBytes(UTF_8));
        return new Outcome.Stored();
    }

    private static Optional<String> h1Problem(String actual, Optional<String> manifestH1) {
        if (manifestH1.isEmpty()) {
            return Optional.of("the manifest lists no h1: for it");
        }
        if (!manifestH1.get().equals(actual)) {
            return Optional.of("h1 mismatch: the manifest says " + manifestH1.get() + ", the file hashes to " + actual);
        }
        return Optional.empty();
    }

    private static EntryKey key(EntryKind kind, ModuleCoordinate c) {
        return EntryKey.of(kind, c.escaped());
    }
}
