package io.modvault.core.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an export wrote: the bundle, how many module versions and files (after the manifest) it
 * holds and their bytes, the checksum-database tree size its lookups are proven in, and the
 * selected versions left out, each with its reason.
 */
public record ExportReport(
        Path bundle, int versions, int files, long bytes, Optional<Long> treeSize, List<Failure> failures) {
    public ExportReport {
        failures = List.copyOf(failures);
    }

    /** A version (or other item) left out of the bundle and why. */
    public record Failure(String name, String reason) {}
}
