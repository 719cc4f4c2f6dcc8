package io.modvault.core.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest of an earlier bundle, for {@code export --after}: read from the bundle's first
 * entry, so only its first few kilobytes are read whatever the bundle's size.
 */
public final class PreviousBundle {
    private PreviousBundle() {}

    /** The manifest of {@code bundle}; an {@link IllegalArgumentException} says why it has none. */
    public static BundleManifest manifest(Path bundle) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle));
                BundleReader reader = new BundleReader(in)) {
            BundleReader.Entry first = reader.next()
                    .filter(entry -> entry.path().equals(BundleLayout.MANIFEST))
                    .orElseThrow(() -> new IllegalArgumentException(
                            bundle + " is not a bundle: its first entry is not " + BundleLayout.MANIFEST));
            return BundleManifest.fromJson(EntryChecks.readSmall(first, 1L << 30));
        }
    }
}
