package io.modvault.core.verify;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.BlobIntegrity;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.KeyRules;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.StoredEntry;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Re-hashes every stored {@code .mod} and zip and compares the result with the {@code h1:}
 * recorded in its {@link EntryKind#HASHES} entry ({@link RecordedHashes}), after checking it
 * by the go command's rules ({@link GoAcceptance}), and every zip blob's SHA-256 and size against
 * its name and index entry ({@link BlobIntegrity}), the check behind
 * {@code modvault verify}. Module versions are the union of the HASHES, MOD and ZIP keys, so an
 * artifact stored without a recorded hash is reported as well as a recorded one whose bytes are
 * gone. Zips are hashed streaming from their blob files, so memory use does not grow with them.
 * Read-only: the store is never written.
 */
public final class StoreAudit {
    private final ModuleStore store;

    private StoreAudit(ModuleStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Audits every module version in {@code store}. */
    public static Result run(ModuleStore store) {
        return new StoreAudit(store).audit();
    }

    /** Which stored artifact of a module version a {@link Problem} is about. */
    public enum Artifact {
        MOD("mod"),
        ZIP("zip"),
        HASHES("recorded hashes");

        private final String label;

        Artifact(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One finding; {@link #line()} is the report line {@code modvault verify} prints. */
    public sealed interface Problem {
        /** The store key, {@code escapedPath@escapedVersion}. */
        String key();

        Artifact artifact();

        /** E.g. {@code CHANGED example.test/m@v1.0.0 zip: recorded h1:…, now h1:…}. */
        String line();
    }

    /** The bytes on disk hash to something other than what was recorded when they were stored. */
    public record Changed(String key, Artifact artifact, String recorded, String now) implements Problem {
        @Override
        public String line() {
            return "CHANGED " + coordinate(key) + " " + artifact.label() + ": recorded " + recorded + ", now " + now;
        }
    }

    /** A hash was recorded (or a zip index entry exists) but the bytes are not in the store. */
    public record Missing(String key, Artifact artifact, Optional<String> recorded, String why) implements Problem {
        @Override
        public String line() {
            return "MISSING " + coordinate(key) + " " + artifact.label() + ": "
                    + recorded.map(h -> "recorded " + h + ", ").orElse("") + why;
        }
    }

    /** The artifact is stored but no hash was recorded for it, so nothing vouches for its bytes. */
    public record Unrecorded(String key, Artifact artifact, String now) implements Problem {
        @Override
        public String line() {
            return "UNRECORDED " + coordinate(key) + " " + artifact.label() + ": no recorded hash, now " + now;
        }
    }

    /** The stored bytes (a zip, or the recorded hashes themselves) cannot be read as what they should be. */
    public record Unreadable(String key, Artifact artifact, Optional<String> recorded, String why) implements Problem {
        @Override
        public String line() {
            return "UNREADABLE " + coordinate(key) + " " + artifact.label() + ": "
                    + recorded.map(h -> "recorded " + h + ", ").orElse("") + why;
        }
    }

    /** A zip blob whose file no longer matches its name (SHA-256) or recorded size, whatever its {@code h1:}. */
    public record Corrupt(String key, Artifact artifact, String why) implements Problem {
        @Override
        public String line() {
            return "CORRUPT " + coordinate(key) + " " + artifact.label() + ": " + why;
        }
    }

    /** The stored bytes break the go command's rules for the module version (a zip or go.mod it would refuse). */
    public record Invalid(String key, Artifact artifact, String why) implements Problem {
        @Override
        public String line() {
            return "INVALID " + coordinate(key) + " " + artifact.label() + ": " + why;
        }
    }

    /** Counts of artifacts examined (present or expected) and every problem, in key order. */
    public record Result(int modsChecked, int zipsChecked, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        /** {@code checked N mod, M zip: K problems}. */
        public String summary() {
            return "checked " + modsChecked + " mod, " + zipsChecked + " zip: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems");
        }
    }

    private Result audit() {
        SortedSet<String> versions = new TreeSet<>(KeyRules.BYTE_ORDER);
        store.keys(EntryKind.HASHES, "").forEach(k -> versions.add(versionKey(k)));
        versions.addAll(store.keys(EntryKind.MOD, ""));
        SortedSet<String> zipIndex = new TreeSet<>(KeyRules.BYTE_ORDER);
        zipIndex.addAll(store.keys(EntryKind.ZIP, ""));
        versions.addAll(zipIndex);
        List<Problem> problems = new ArrayList<>();
        int mods = 0;
        int zips = 0;
        for (String key : versions) {
            RecordedHashes recorded = recorded(key, problems);
            if (checkMod(key, recorded.mod(), problems)) {
                mods++;
            }
            if (checkZip(key, recorded.zip(), zipIndex.contains(key), problems)) {
                zips++;
            }
        }
        return new Result(mods, zips, problems);
    }

    private RecordedHashes recorded(String key, List<Problem> problems) {
        Optional<String> mod = recordedField(key + HashLedger.MOD_SUFFIX, Artifact.MOD, problems)
                .flatMap(RecordedHashes::mod);
        Optional<String> zip = recordedField(key + HashLedger.ZIP_SUFFIX, Artifact.ZIP, problems)
                .flatMap(RecordedHashes::zip);
        return new RecordedHashes(mod.orElse(null), null, zip.orElse(null), null);
    }

    private Optional<RecordedHashes> recordedField(String hashesKey, Artifact artifact, List<Problem> problems) {
        Optional<byte[]> json =
                store.get(EntryKey.of(EntryKind.HASHES, hashesKey)).map(StoredEntry::value);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecordedHashes.fromJson(json.get()));
        } catch (UncheckedIOException e) {
            problems.add(new Unreadable(
                    versionKey(hashesKey),
                    Artifact.HASHES,
                    Optional.empty(),
                    artifact.label() + " record is not valid JSON: " + firstLine(e.getCause())));
            return Optional.empty();
        }
    }

    /** The module-version key of a HASHES key ({@code m@v/mod} → {@code m@v}). */
    private static String versionKey(String hashesKey) {
        int slash = hashesKey.lastIndexOf('/');
        int at = hashesKey.lastIndexOf('@');
        return slash > at ? hashesKey.substring(0, slash) : hashesKey;
    }

    /** Returns whether there was a go.mod to check (stored, or recorded as stored). */
    private boolean checkMod(String key, Optional<String> recorded, List<Problem> problems) {
        Optional<byte[]> bytes = store.get(EntryKey.of(EntryKind.MOD, key)).map(StoredEntry::value);
        if (bytes.isEmpty()) {
            recorded.ifPresent(h -> problems.add(new Missing(key, Artifact.MOD, recorded, "no stored go.mod")));
            return recorded.isPresent();
        }
        GoAcceptance.modProblem(key, bytes.get()).ifPresent(why -> problems.add(new Invalid(key, Artifact.MOD, why)));
        String now = DirHash.hashGoMod(bytes.get());
        compare(key, Artifact.MOD, recorded, now, problems);
        return true;
    }

    private boolean checkZip(String key, Optional<String> recorded, boolean indexed, List<Problem> problems) {
        if (!indexed) {
            recorded.ifPresent(h -> problems.add(new Missing(key, Artifact.ZIP, recorded, "no stored zip")));
            return recorded.isPresent();
        }
        Optional<StoredBlob> blob = store.blob(EntryKey.of(EntryKind.ZIP, key));
        if (blob.isEmpty()) {
            problems.add(new Missing(key, Artifact.ZIP, recorded, "blob file is gone from disk"));
            return true;
        }
        blobProblem(blob.get()).ifPresent(why -> problems.add(new Corrupt(key, Artifact.ZIP, why)));
        Optional<String> invalid = GoAcceptance.zipProblem(key, blob.get().file());
        if (invalid.isPresent()) {
            // Not hashed: an invalid zip may be a bomb, and its hash vouches for nothing.
            problems.add(new Invalid(key, Artifact.ZIP, invalid.get()));
            return true;
        }
        String now;
        try {
            now = DirHash.hashZip(blob.get().file());
        } catch (IOException | SumdbException e) {
            problems.add(new Unreadable(
                    key, Artifact.ZIP, recorded, "cannot hash " + blob.get().file() + ": " + firstLine(e)));
            return true;
        }
        compare(key, Artifact.ZIP, recorded, now, problems);
        return true;
    }

    /** The blob's own SHA-256 (its name) and size: covers bytes {@code h1:} ignores, e.g. local file headers. */
    private static Optional<String> blobProblem(StoredBlob blob) {
        try {
            return BlobIntegrity.contentProblem(blob, BlobIntegrity.ReadPacer.UNLIMITED);
        } catch (IOException e) {
            return Optional.of("cannot read blob " + blob.file() + ": " + firstLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing " + blob.file(), e);
        }
    }

    private static void compare(
            String key, Artifact artifact, Optional<String> recorded, String now, List<Problem> problems) {
        if (recorded.isEmpty()) {
            problems.add(new Unrecorded(key, artifact, now));
        } else if (!recorded.get().equals(now)) {
            problems.add(new Changed(key, artifact, recorded.get(), now));
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    /** {@code path@version} in plain form for people; the raw key if it does not decode. */
    static String coordinate(String key) {
        int at = key.indexOf('@');
        if (at <= 0) {
            return key;
        }
        try {
            return ModulePath.parseEscaped(key.substring(0, at)).value() + "@"
                    + ModuleVersion.unescape(key.substring(at + 1));
        } catch (InvalidModuleException e) {
            return key;
        }
    }
}
