package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.storage.StoredBlob;
import java.util.Optional;

/**
 * What the store holds of one module version for a bundle: the {@code .info} and {@code .mod}
 * bytes, the zip's blob, and the {@code h1:} of the {@code .mod} and zip (as recorded when they
 * were stored, computed when no record exists).
 */
record ExportedVersion(
        ModuleCoordinate coordinate,
        Optional<byte[]> info,
        Optional<byte[]> mod,
        Optional<StoredBlob> zip,
        Optional<String> modH1,
        Optional<String> zipH1) {

    boolean isEmpty() {
        return info.isEmpty() && mod.isEmpty() && zip.isEmpty();
    }
}
