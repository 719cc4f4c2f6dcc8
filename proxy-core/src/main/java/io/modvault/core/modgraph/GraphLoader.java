package io.modvault.core.modgraph;

import io.modvault.core.gomod.GoModFile;
import io.modvault.core.module.ModuleCoordinate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Loads the go.mod files the go command reads for a graph, and no others: {@link BuildList} is
 * run over what is loaded so far, every module version it asks about and does not have yet is
 * loaded, {@code jobs} at once on virtual threads, and it runs again as loads finish, until it
 * asks for nothing new and nothing is loading. Under pruning this skips the go.mod files of a pruned dependency's dependencies,
 * which the go command never reads. Replacements apply before loading: a module replacement's
 * go.mod is fetched instead, a local one is read from its directory (none there: no
 * requirements). Requirements on excluded versions are dropped as the go command drops them.
 */
final class GraphLoader {
    /** The summaries of the versions loaded, why the others could not be, and the final selection. */
    record Loaded(
            Map<ModuleCoordinate, ModuleSummary> summaries,
            Map<ModuleCoordinate, String> failures,
            Map<String, String> selection) {}

    private final MainModules mains;
    private final GoModSource source;
    private final Semaphore inFlight;
    private final Map<ModuleCoordinate, ModuleSummary> summaries = new ConcurrentHashMap<>();
    private final Map<ModuleCoordinate, String> failures = new ConcurrentHashMap<>();
    private final Set<ModuleCoordinate> tried = new HashSet<>();

    GraphLoader(MainModules mains, GoModSource source, int jobs) {
        this.mains = mains;
        this.source = source;
        this.inFlight = new Semaphore(jobs);
    }

    /**
     * Loads the graph; an interrupt stops every load in flight and is rethrown. {@link BuildList}
     * runs again whenever loads finish, so a go.mod starts loading as soon as the one requiring it
     * is in, rather than when its whole level is: the graph's latency is its depth, not the sum of
     * each level's slowest go.mod.
     */
    Loaded load() throws InterruptedException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Void> loads = new ExecutorCompletionService<>(executor);
            int pending = 0;
            while (true) {
                Set<ModuleCoordinate> wanted = new LinkedHashSet<>();
                Map<String, String> selection = BuildList.select(mains, module -> {
                    ModuleSummary summary = summaries.get(module);
                    if (summary == null && !tried.contains(module)) {
                        wanted.add(module);
                    }
                    return Optional.ofNullable(summary);
                });
                for (ModuleCoordinate module : wanted) {
                    tried.add(module);
                    loads.submit(() -> load(module));
                    pending++;
                }
                if (pending == 0) {
                    return new Loaded(Map.copyOf(summaries), Map.copyOf(failures), selection);
                }
                try {
                    // Wait for one load, then take every other one already done: one BuildList run for them all.
                    for (Future<Void> finished = loads.take(); finished != null; finished = loads.poll()) {
                        pending--;
                        finished.get();
                    }
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    throw e;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("loading a go.mod: " + e.getCause(), e.getCause());
                }
            }
        }
    }

    private Void load(ModuleCoordinate module) throws InterruptedException {
        inFlight.acquire();
        try {
            summary(module).ifPresent(summary -> summaries.put(module, summary));
        } finally {
            inFlight.release();
        }
        return null;
    }

    private Optional<ModuleSummary> summary(ModuleCoordinate module) {
        return switch (mains.replacements().resolve(module)) {
            case Replacements.Target.Local local ->
                Optional.of(readLocal(local.directory())
                        .map(s -> s.without(mains.excluded()))
                        .orElse(ModuleSummary.EMPTY));
            case Replacements.Target.Remote remote -> remote(remote.coordinate());
        };
    }

    private Optional<ModuleSummary> remote(ModuleCoordinate coordinate) {
        try {
            return switch (source.goMod(coordinate)) {
                case GoModSource.Answer.Found found ->
                    Optional.of(ModuleSummary.of(GoModFile.parseLax(coordinate + " go.mod", found.goMod()))
                            .without(mains.excluded()));
                case GoModSource.Answer.Missing missing -> {
                    failures.put(coordinate, missing.reason());
                    yield Optional.empty();
                }
            };
        } catch (RuntimeException e) {
            failures.put(coordinate, "reading its go.mod: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The summary of a local replacement's go.mod; empty when it is missing or malformed, which
     * {@link MainModules#unreadableLocalReplacements} tells the user before the load starts.
     */
    static Optional<ModuleSummary> readLocal(Path directory) {
        Path goMod = directory.resolve("go.mod");
        try {
            return Optional.of(ModuleSummary.of(GoModFile.parseLax(goMod.toString(), Files.readAllBytes(goMod))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
