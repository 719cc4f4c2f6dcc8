package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.storage.ModuleStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One module file entry of a bundle: read (a zip streamed into a store temp file, hashing on the
 * way; the small files into memory), compared with its manifest line, then handed to
 * {@link ArtifactAdmission}. Outcomes are reported under the name {@code module@version .zip}
 * (or {@code module list}).
 */
final class ModuleFileImport {
    private static final long MAX_SMALL_FILE = 64L << 20;
    private final ArtifactAdmission admission;
    private final ModuleStore store;
    private final Map<ModuleCoordinate, BundleManifest.Module> modules;
    private final BiConsumer<String, ArtifactAdmission.Outcome> outcomes;

    ModuleFileImport(
            ArtifactAdmission admission,
            ModuleStore store,
            Map<ModuleCoordinate, BundleManifest.Module> modules,
            BiConsumer<String, ArtifactAdmission.Outcome> outcomes) {
        this.admission = admission;
        this.store = store;
        this.modules = modules;
        this.outcomes = outcomes;
    }

    void admit(BundleReader.Entry entry, BundleManifest.File listed) throws IOException {
        BundleLayout.ModuleFile file = BundleLayout.moduleFile(entry.path())
                .orElseThrow(() -> new BundleImporter.BundleRefused(entry.path() + ": not a GOPROXY-layout path"));
        if (file.name().equals("list")) {
            byte[] body = EntryChecks.readSmall(entry, MAX_SMALL_FILE);
            String name = file.module().value() + " list";
            outcomes.accept(name, checked(body, listed).orElseGet(() -> admission.list(file.module(), body)));
            return;
        }
        ModuleCoordinate c = file.coordinate()
                .orElseThrow(() -> new BundleImporter.BundleRefused(entry.path() + ": not a module version's file"));
        String name = c + " " + file.suffix();
        Optional<BundleManifest.Module> module = Optional.ofNullable(modules.get(c));
        switch (file.suffix()) {
            case ".info" -> {
                byte[] body = EntryChecks.readSmall(entry, MAX_SMALL_FILE);
                outcomes.accept(name, checked(body, listed).orElseGet(() -> admission.info(c, body)));
            }
            case ".mod" -> {
                byte[] body = EntryChecks.readSmall(entry, MAX_SMALL_FILE);
                Optional<String> h1 = module.map(BundleManifest.Module::mod);
                outcomes.accept(name, checked(body, listed).orElseGet(() -> admission.mod(c, body, h1)));
            }
            case ".zip" -> outcomes.accept(name, zip(entry, listed, c, module.map(BundleManifest.Module::zip)));
            default -> throw new BundleImporter.BundleRefused(entry.path() + ": not a .info, .mod, .zip or list");
        }
    }

    private static Optional<ArtifactAdmission.Outcome> checked(byte[] body, BundleManifest.File listed) {
        return EntryChecks.problem(body.length, BundleFile.sha256(body), listed)
                .map(ArtifactAdmission.Outcome.Refused::new);
    }

    private ArtifactAdmission.Outcome zip(
            BundleReader.Entry entry, BundleManifest.File listed, ModuleCoordinate c, Optional<String> h1)
            throws IOException {
        Path temp = store.newTempFile();
        try {
            MessageDigest digest = BundleFile.digest();
            long copied;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                copied = copy(entry.content(), out, entry.size());
            }
            if (copied != entry.size()) {
                throw new IOException(entry.path() + " ends after " + copied + " of " + entry.size() + " bytes");
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Optional<String> problem = EntryChecks.problem(copied, sha256, listed);
            if (problem.isPresent()) {
                return new ArtifactAdmission.Outcome.Refused(problem.get());
            }
            return admission.zip(c, temp, sha256, h1);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("deleting " + temp, e);
            }
        }
    }

    /** Copies at most {@code size} bytes (the tar stream ends the entry there anyway). */
    private static long copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < size) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
