package io.modvault.core.modgraph;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a go.mod or go.work needs from a module proxy, with the go command's meaning: the
 * {@code goMods} the go command reads to build the module graph (as fetched: a module
 * replacement's, not the original's; local replacements need nothing) — under pruning not the
 * go.mod files of a pruned dependency's dependencies — and the {@code selected} versions whose
 * {@code .info}, {@code .mod} and {@code .zip} {@code go mod download all} fetches: those
 * minimal version selection picks over that graph ({@link BuildList}). Retracted versions are kept: the go command downloads a retracted
 * version a go.mod requires, and only warns. {@code failures} names each go.mod that could not be
 * had and why; the graph behind it is missing, so the selection may be incomplete.
 */
public record ModuleGraph(
        Set<ModuleCoordinate> goMods, Set<ModuleCoordinate> selected, Map<ModuleCoordinate, String> failures) {
    private static final Comparator<ModuleCoordinate> ORDER =
            Comparator.comparing((ModuleCoordinate c) -> c.path().value()).thenComparing(ModuleCoordinate::version);

    public ModuleGraph {
        goMods = sorted(goMods);
        selected = sorted(selected);
        TreeMap<ModuleCoordinate, String> sortedFailures = new TreeMap<>(ORDER);
        sortedFailures.putAll(failures);
        failures = Collections.unmodifiableMap(sortedFailures);
    }

    /**
     * Loads the graph of {@code mains}, its go.mod files from {@code source} with {@code jobs} in flight.
     *
     * @throws InterruptedException when interrupted; loads in flight are abandoned
     */
    public static ModuleGraph load(MainModules mains, GoModSource source, int jobs) throws InterruptedException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        GraphLoader.Loaded loaded = new GraphLoader(mains, source, jobs).load();
        Map<String, String> selection = loaded.selection();
        Set<ModuleCoordinate> goMods = new TreeSet<>(ORDER);
        loaded.summaries().keySet().forEach(module -> remote(mains, module).ifPresent(goMods::add));
        Set<ModuleCoordinate> selected = new TreeSet<>(ORDER);
        selection.forEach((path, version) -> {
            if (!version.isEmpty()) {
                remote(mains, new ModuleCoordinate(ModulePath.of(path), version))
                        .ifPresent(selected::add);
            }
        });
        return new ModuleGraph(goMods, selected, loaded.failures());
    }

    /** What {@code module} is fetched as, when it is fetched at all (not a local replacement). */
    private static Optional<ModuleCoordinate> remote(MainModules mains, ModuleCoordinate module) {
        return mains.replacements().resolve(module) instanceof Replacements.Target.Remote remote
                ? Optional.of(remote.coordinate())
                : Optional.empty();
    }

    private static Set<ModuleCoordinate> sorted(Set<ModuleCoordinate> set) {
        TreeSet<ModuleCoordinate> sorted = new TreeSet<>(ORDER);
        sorted.addAll(set);
        return Collections.unmodifiableSet(sorted);
    }
}
