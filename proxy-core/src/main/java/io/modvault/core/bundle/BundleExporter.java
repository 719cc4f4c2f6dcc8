package io.modvault.core.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code modvault export}: writes the selected module versions of a store, with the
 * checksum-database evidence for the public ones, into one bundle file ({@link BundleLayout}).
 * Planned first (artifacts read or fetched, lookups and tiles gathered and proven, every file's
 * size and SHA-256 known), because the manifest that lists them is the tar's first entry; then
 * streamed to a temp file renamed into place. A version that cannot be read, looked up or proven
 * is left out and reported; the bundle holds the rest.
 */
public final class BundleExporter {
    private final ModuleStore store;
    private final ModuleProxy proxy;

    public BundleExporter(ModuleStore store, ModuleProxy proxy) {
        this.store = store;
        this.proxy = proxy;
    }

    /**
     * What to export and how. {@code startedAt} is the manifest's export time, taken before the
     * selection so a later {@code --after} this bundle misses nothing stored meanwhile;
     * {@code previous} is the manifest of the bundle given to {@code --after}, whose tree head the
     * importing side trusts, so the tiles proving it a prefix of this bundle's head come along.
     */
    public record Request(
            Path output,
            Instant startedAt,
            List<ExportSelection> selections,
            List<String> selectors,
            Optional<NoteSigner> signer,
            Optional<BundleManifest> previous) {}

    public ExportReport export(Request request) throws IOException {
        List<ExportReport.Failure> failures = new ArrayList<>();
        StoredVersionReader reader = new StoredVersionReader(store, proxy);
        Map<ModuleCoordinate, ExportedVersion> versions = new LinkedHashMap<>();
        for (ExportSelection selection : request.selections()) {
            try {
                ExportedVersion version = reader.read(selection);
                if (!version.isEmpty()) {
                    versions.put(selection.coordinate(), version);
                } else {
                    failures.add(failure(selection.coordinate(), "nothing of it is stored"));
                }
            } catch (ExportException | UncheckedIOException e) {
                failures.add(failure(selection.coordinate(), e.getMessage()));
            }
        }
        ModuleVerifier verifier = proxy.verifier();
        Optional<ChecksumDatabase> database = verifier.database();
        List<BundleFile> sumdbFiles = new ArrayList<>();
        Optional<BundleManifest.Database> databaseEntry = Optional.empty();
        Map<ModuleCoordinate, byte[]> lookups = Map.of();
        List<ModuleCoordinate> proven = versions.keySet().stream()
                .filter(c ->
                        database.isPresent() && !verifier.isPrivate(c.path().value()))
                .toList();
        if (!proven.isEmpty()) {
            ChecksumDatabase db = database.get();
            ChecksumEvidence evidence = new ChecksumEvidence(db, proxy.checksumReads());
            Map<ModuleCoordinate, ChecksumEvidence.Hashes> expected = new LinkedHashMap<>();
            for (ModuleCoordinate c : proven) {
                try {
                    evidence.addLookup(c);
                    ExportedVersion v = versions.get(c);
                    expected.put(c, new ChecksumEvidence.Hashes(v.zipH1(), v.modH1()));
                } catch (ExportException e) {
                    versions.remove(c);
                    failures.add(failure(c, e.getMessage()));
                }
            }
            if (!expected.isEmpty()) {
                TreeHead head = evidence.head(verifier.trustedTreeHead());
                ChecksumEvidence.Evidence proof =
                        evidence.prove(head, expected, previousHeads(request, db), (c, why) -> {
                            versions.remove(c);
                            failures.add(failure(c, why));
                        });
                lookups = proof.lookups();
                String latest = new String(proof.latest(), UTF_8);
                databaseEntry = Optional.of(
                        new BundleManifest.Database(db.name(), db.key().format(), head.size(), latest));
                sumdbFiles.add(BundleFile.of(BundleLayout.sumdb(db.name(), "supported"), new byte[0]));
                sumdbFiles.add(BundleFile.of(BundleLayout.sumdb(db.name(), "latest"), proof.latest()));
                for (Map.Entry<ModuleCoordinate, byte[]> lookup : lookups.entrySet()) {
                    sumdbFiles.add(BundleFile.of(
                            BundleLayout.sumdb(db.name(), BundleLayout.lookup(lookup.getKey())), lookup.getValue()));
                }
                proof.tiles()
                        .forEach((path, bytes) ->
                                sumdbFiles.add(BundleFile.of(BundleLayout.sumdb(db.name(), path), bytes)));
            }
        }
        List<BundleFile> files = new ArrayList<>(sumdbFiles);
        files.addAll(moduleFiles(versions.values()));
        BundleManifest manifest = new BundleManifest(
                BundleManifest.FORMAT,
                request.startedAt().toString(),
                request.selectors(),
                databaseEntry.orElse(null),
                versions.values().stream()
                        .map(v -> moduleEntry(v, verifier, database))
                        .toList(),
                files.stream().map(BundleFile::manifestEntry).toList());
        long bytes = write(request, manifest, files);
        return new ExportReport(
                request.output(),
                versions.size(),
                files.size(),
                bytes,
                databaseEntry.map(BundleManifest.Database::treeSize),
                failures);
    }

    /** The previous bundle's head, when it is of this database and signed by its key. */
    private static List<TreeHead> previousHeads(Request request, ChecksumDatabase db) {
        return request
                .previous()
                .flatMap(BundleManifest::database)
                .filter(previous -> previous.name().equals(db.name()))
                .map(previous -> new SumdbVerifier(db.key())
                        .verifyTreeHead(previous.treeHead().getBytes(UTF_8)))
                .stream()
                .toList();
    }

    private long write(Request request, BundleManifest manifest, List<BundleFile> files) throws IOException {
        byte[] manifestBytes = manifest.toJson();
        long bytes = 0;
        try (BundleWriter writer = BundleWriter.create(request.output(), request.startedAt())) {
            writer.add(BundleLayout.MANIFEST, manifestBytes);
            if (request.signer().isPresent()) {
                writer.add(
                        BundleLayout.SIGNATURE,
                        ManifestSignature.sign(manifestBytes, request.signer().get()));
            }
            for (BundleFile file : files) {
                switch (file.source()) {
                    case BundleFile.Source.Bytes b -> writer.add(file.path(), b.bytes());
                    case BundleFile.Source.Blob b -> writer.add(file.path(), b.file(), file.size());
                }
                bytes += file.size();
            }
            writer.commit();
        }
        return bytes;
    }

    /** Per module, each version's {@code .info}, {@code .mod} and {@code .zip}, then the module's {@code list}. */
    private static List<BundleFile> moduleFiles(java.util.Collection<ExportedVersion> versions) {
        Map<ModulePath, List<ExportedVersion>> byModule = versions.stream()
                .collect(Collectors.groupingBy(
                        v -> v.coordinate().path(),
                        () -> new TreeMap<>(java.util.Comparator.comparing(ModulePath::value)),
                        Collectors.toList()));
        List<BundleFile> files = new ArrayList<>();
        byModule.forEach((module, moduleVersions) -> {
            List<String> listed = new ArrayList<>();
            for (ExportedVersion v : moduleVersions) {
                ModuleCoordinate c = v.coordinate();
                v.info().ifPresent(info -> {
                    files.add(BundleFile.of(BundleLayout.artifact(c, ".info"), info));
                    listed.add(c.version());
                });
                v.mod().ifPresent(mod -> files.add(BundleFile.of(BundleLayout.artifact(c, ".mod"), mod)));
                v.zip()
                        .ifPresent(zip -> files.add(BundleFile.blob(
                                BundleLayout.artifact(c, ".zip"), zip.file(), zip.size(), zip.sha256Hex())));
            }
            if (!listed.isEmpty()) {
                listed.sort(ModuleVersion.ORDER);
                files.add(BundleFile.of(BundleLayout.list(module), (String.join("\n", listed) + "\n").getBytes(UTF_8)));
            }
        });
        return files;
    }

    private static BundleManifest.Module moduleEntry(
            ExportedVersion v, ModuleVerifier verifier, Optional<ChecksumDatabase> database) {
        boolean proven = database.isPresent()
                && !verifier.isPrivate(v.coordinate().path().value());
        return new BundleManifest.Module(
                v.coordinate().path().value(),
                v.coordinate().version(),
                v.modH1().orElse(null),
                v.zipH1().orElse(null),
                proven);
    }

    private static ExportReport.Failure failure(ModuleCoordinate c, String reason) {
        return new ExportReport.Failure(c.toString(), reason);
    }
}
