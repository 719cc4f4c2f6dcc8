package io.modvault.core.bundle;

import java.util.List;
import java.util.Optional;

/**
 * What an import did: files stored, files already present (skipped: import is idempotent), the
 * files refused (each named, with why; none of a refused file was stored), and, when the whole
 * bundle was refused (manifest, signature, tree head, a truncated archive), why, after which
 * nothing more was read.
 */
public record ImportReport(int stored, int present, List<Failure> failures, Optional<String> refused) {
    public ImportReport {
        failures = List.copyOf(failures);
    }

    /** One refused file: {@code name} is its module version and kind, or its bundle path. */
    public record Failure(String name, String reason) {}

    public boolean succeeded() {
        return failures.isEmpty() && refused.isEmpty();
    }

    /** The first thing that went wrong, for a one-line summary. */
    public Optional<String> firstProblem() {
        return refused.or(() -> failures.stream().findFirst().map(f -> f.name() + ": " + f.reason()));
    }
}
