package io.modvault.core.bundle;

import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.core.verify.Verdict;
import io.modvault.sumdb.note.VerifierKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code modvault import}: streams a bundle into a store, one entry at a time. The manifest comes
 * first (and, with a trust key, its signature, which must verify); the bundle's tree head must
 * verify with the configured GOSUMDB key and be consistent with the head the store trusts (a
 * fork is refused as a SECURITY ERROR, an older head must be proven a prefix) before any module
 * file is admitted; each later entry must be listed in the manifest with its exact size and
 * SHA-256, and each module file then passes {@link ArtifactAdmission}. A refused file stores
 * nothing and the import goes on with the next; a bundle-level problem (manifest, signature, tree
 * head, an unlisted or duplicated entry, an archive that ends early) stops it. Already stored
 * files are skipped, so importing a bundle twice changes nothing the second time.
 */
public final class BundleImporter {
    private static final long MAX_SMALL_FILE = 64L << 20;
    private final ModuleStore store;
    private final Optional<ChecksumDatabase> database;
    private final PrefixPatterns noSumdb;
    private final ZipLimits limits;

    public BundleImporter(
            ModuleStore store, Optional<ChecksumDatabase> database, PrefixPatterns noSumdb, ZipLimits limits) {
        this.store = store;
        this.database = database;
        this.noSumdb = noSumdb;
        this.limits = limits;
    }

    public ImportReport importFrom(InputStream in, Optional<VerifierKey> trustKey, ImportListener listener) {
        ImportRun run = new ImportRun(listener);
        try (BundleReader reader = new BundleReader(in)) {
            run.execute(reader, trustKey);
        } catch (BundleRefused e) {
            run.refused = Optional.of(e.getMessage());
        } catch (IOException e) {
            run.refused = Optional.of("the bundle cannot be read"
                    + run.current.map(path -> " past " + path).orElse("") + " (truncated or damaged?): "
                    + e.getMessage());
        }
        return new ImportReport(run.stored, run.present, run.failures, run.refused);
    }

    /** The state of one import. */
    private final class ImportRun {
        private final ImportListener listener;
        private final List<ImportReport.Failure> failures = new ArrayList<>();
        private int stored;
        private int present;
        private Optional<String> refused = Optional.empty();
        private Optional<String> current = Optional.empty();

        ImportRun(ImportListener listener) {
            this.listener = listener;
        }

        void execute(BundleReader reader, Optional<VerifierKey> trustKey) throws IOException {
            BundleReader.Entry first = reader.next().orElseThrow(() -> new BundleRefused("the bundle is empty"));
            if (!first.path().equals(BundleLayout.MANIFEST)) {
                throw new BundleRefused(
                        "the bundle's first entry is " + first.path() + ", not its manifest " + BundleLayout.MANIFEST);
            }
            byte[] manifestBytes = EntryChecks.readSmall(first, MAX_SMALL_FILE);
            BundleManifest manifest;
            try {
                manifest = BundleManifest.fromJson(manifestBytes);
            } catch (IllegalArgumentException e) {
                throw new BundleRefused(BundleLayout.MANIFEST + ": " + e.getMessage());
            }
            Optional<BundleReader.Entry> next = reader.next();
            if (next.isPresent() && next.get().path().equals(BundleLayout.SIGNATURE)) {
                byte[] signature = EntryChecks.readSmall(next.get(), MAX_SMALL_FILE);
                if (trustKey.isPresent()) {
                    ManifestSignature.problem(manifestBytes, signature, trustKey.get())
                            .ifPresent(problem -> {
                                throw new BundleRefused(BundleLayout.SIGNATURE + ": " + problem);
                            });
                }
                next = reader.next();
            } else if (trustKey.isPresent()) {
                throw new BundleRefused("the bundle is not signed, and --trust-key requires a signature by "
                        + trustKey.get().id());
            }
            new Admitted(manifest).run(reader, next);
        }

        /** The entries after the manifest, checked against it. */
        private final class Admitted {
            private final BundleManifest manifest;
            private final Map<String, BundleManifest.File> files = new LinkedHashMap<>();
            private final Map<ModuleCoordinate, BundleManifest.Module> modules = new HashMap<>();
            private final Optional<String> databaseName;
            private final BundleChecksumReads reads;
            private final ArtifactAdmission admission;
            private final ModuleVerifier verifier;
            private boolean headChecked;

            Admitted(BundleManifest manifest) {
                this.manifest = manifest;
                manifest.files().forEach(f -> files.put(f.path(), f));
                manifest.modules().forEach(m -> modules.put(EntryChecks.coordinate(m), m));
                this.databaseName = manifest.database().map(BundleManifest.Database::name);
                if (databaseName.isPresent()
                        && database.isPresent()
                        && !databaseName.get().equals(database.get().name())) {
                    throw new BundleRefused("the bundle's modules are proven by checksum database "
                            + databaseName.get() + ", but this store verifies against "
                            + database.get().name()
                            + " (GOSUMDB)");
                }
                String name = database.map(ChecksumDatabase::name).orElse("off");
                this.reads = new BundleChecksumReads(store, name);
                ModuleVerifier verifier = new ModuleVerifier(database, noSumdb, store, reads);
                this.admission = new ArtifactAdmission(store, verifier, reads, limits);
                this.verifier = verifier;
            }

            void run(BundleReader reader, Optional<BundleReader.Entry> first) throws IOException {
                Set<String> seen = new HashSet<>();
                for (Optional<BundleReader.Entry> entry = first; entry.isPresent(); entry = reader.next()) {
                    String path = entry.get().path();
                    current = Optional.of(path);
                    BundleManifest.File listed = files.get(path);
                    if (listed == null) {
                        throw new BundleRefused(path + ": not listed in the manifest");
                    }
                    if (!seen.add(path)) {
                        throw new BundleRefused(path + ": appears twice in the bundle");
                    }
                    if (BundleLayout.isSumdb(path)) {
                        sumdbFile(entry.get(), listed);
                    } else {
                        checkHead();
                        new ModuleFileImport(admission, store, modules, ImportRun.this::record)
                                .admit(entry.get(), listed);
                    }
                }
                current = Optional.empty();
                checkHead();
                files.keySet().stream()
                        .filter(path -> !seen.contains(path))
                        .findFirst()
                        .ifPresent(missing -> {
                            throw new BundleRefused(
                                    missing + ": listed in the manifest but missing from the bundle" + " (truncated?)");
                        });
                new LatestHead(store, database, reads).publish(verifier);
            }

            private void sumdbFile(BundleReader.Entry entry, BundleManifest.File listed) throws IOException {
                byte[] body = EntryChecks.readSmall(entry, MAX_SMALL_FILE);
                Optional<String> problem = EntryChecks.problem(body.length, BundleFile.sha256(body), listed);
                if (problem.isPresent()) {
                    record(entry.path(), new ArtifactAdmission.Outcome.Refused(problem.get()));
                    return;
                }
                Optional<String> rest = databaseName.flatMap(name -> BundleLayout.sumdbRest(name, entry.path()));
                rest.ifPresent(r -> reads.add(r, body));
            }

            /** Before the first module file: the bundle's head against the trusted one. */
            private void checkHead() {
                if (headChecked) {
                    return;
                }
                headChecked = true;
                if (manifest.database().isEmpty() || database.isEmpty()) {
                    return;
                }
                byte[] head = manifest.database().get().treeHead().getBytes(StandardCharsets.UTF_8);
                if (verifier.acceptTreeHead(head) instanceof Verdict.Refused refused) {
                    reads.discardUsed();
                    throw new BundleRefused(
                            "tree head " + manifest.database().get().treeSize() + " of "
                                    + database.get().name() + ": " + refused.reason());
                }
                var evidence = reads.takeUsed();
                if (!evidence.isEmpty()) {
                    store.putAll(evidence);
                }
            }
        }

        void record(String name, ArtifactAdmission.Outcome outcome) {
            switch (outcome) {
                case ArtifactAdmission.Outcome.Stored s -> {
                    stored++;
                    listener.stored(name);
                }
                case ArtifactAdmission.Outcome.Present p -> {
                    present++;
                    listener.present(name);
                }
                case ArtifactAdmission.Outcome.Refused r -> {
                    failures.add(new ImportReport.Failure(name, r.reason()));
                    listener.failed(name, r.reason());
                }
            }
        }
    }

    /** A problem with the bundle as a whole; its message names the entry and says why. */
    static final class BundleRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BundleRefused(String message) {
            super(message);
        }
    }
}
