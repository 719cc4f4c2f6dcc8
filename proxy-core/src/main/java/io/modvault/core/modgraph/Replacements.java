package io.modvault.core.modgraph;

import io.modvault.core.gomod.Replacement;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code replace} directives in force, looked up as the go command's {@code replacementFrom}
 * does: a go.work's own directives first, then each main module's, in {@code use} order; within one
 * file a directive for the exact version wins over one for every version. A main module itself
 * (version "") is never replaced. Local directories are resolved against the file that names them.
 */
final class Replacements {
    /** One directive and the directory its relative paths start from. */
    record Rule(Replacement replacement, Path base) {}

    /** What a module version is fetched as. */
    sealed interface Target {
        /** A module version: the original, or the one a directive names. */
        record Remote(ModuleCoordinate coordinate) implements Target {}

        /** A directory on this machine: nothing to fetch, its go.mod read in place. */
        record Local(Path directory) implements Target {}
    }

    private final List<List<Rule>> files;

    /** {@code files} in precedence order: the go.work's rules (if any), then each main module's. */
    Replacements(List<List<Rule>> files) {
        this.files = files.stream().map(List::copyOf).toList();
    }

    Target resolve(ModuleCoordinate module) {
        if (!module.version().isEmpty()) {
            for (List<Rule> file : files) {
                Optional<Rule> rule = find(file, module, true).or(() -> find(file, module, false));
                if (rule.isPresent()) {
                    return target(rule.get());
                }
            }
        }
        return new Target.Remote(module);
    }

    /** Every local directory a directive names, for warnings about the missing ones. */
    List<Rule> locals() {
        return files.stream()
                .flatMap(List::stream)
                .filter(rule -> rule.replacement().isLocal())
                .toList();
    }

    static Path directory(Rule rule) {
        return rule.base().resolve(rule.replacement().newPath()).normalize();
    }

    private static Optional<Rule> find(List<Rule> file, ModuleCoordinate module, boolean exact) {
        String path = module.path().value();
        return file.stream()
                .filter(rule -> rule.replacement().oldPath().equals(path))
                .filter(rule -> rule.replacement().oldVersion().isPresent() == exact)
                .filter(rule -> !exact || rule.replacement().oldVersion().get().equals(module.version()))
                .findFirst();
    }

    private static Target target(Rule rule) {
        Replacement replacement = rule.replacement();
        return replacement.isLocal()
                ? new Target.Local(directory(rule))
                : new Target.Remote(new ModuleCoordinate(
                        ModulePath.of(replacement.newPath()),
                        replacement.newVersion().orElseThrow()));
    }
}
