package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading a bundle entry and comparing it with its manifest line. */
final class EntryChecks {
    private EntryChecks() {}

    /** The whole of a small entry; one larger than {@code max} refuses the bundle (a manifest line never allows it). */
    static byte[] readSmall(BundleReader.Entry entry, long max) throws IOException {
        if (entry.size() > max) {
            throw new BundleImporter.BundleRefused(
                    entry.path() + ": " + entry.size() + " bytes, more than the " + max + " allowed for it");
        }
        InputStream in = entry.content();
        byte[] body = in.readNBytes((int) entry.size());
        if (body.length != entry.size()) {
            throw new IOException(entry.path() + " ends after " + body.length + " of " + entry.size() + " bytes");
        }
        return body;
    }

    /** Why a file of {@code size} bytes and SHA-256 {@code sha256} is not the one the manifest lists; empty if it is. */
    static Optional<String> problem(long size, String sha256, BundleManifest.File listed) {
        if (size != listed.size()) {
            return Optional.of("size " + size + " bytes, the manifest says " + listed.size());
        }
        if (!sha256.equalsIgnoreCase(listed.sha256())) {
            return Optional.of("SHA-256 " + sha256 + " does not match the manifest's " + listed.sha256());
        }
        return Optional.empty();
    }

    static ModuleCoordinate coordinate(BundleManifest.Module module) {
        try {
            return ModuleCoordinate.checked(ModulePath.of(module.path()), module.version());
        } catch (RuntimeException e) {
            throw new BundleImporter.BundleRefused(BundleLayout.MANIFEST + ": invalid module " + module.path() + "@"
                    + module.version() + ": " + e.getMessage());
        }
    }
}
