package io.modvault.core.modgraph;

import io.modvault.core.gomod.GoModFile;
import io.modvault.core.module.ModuleCoordinate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the go.mod of every module version reachable from the main modules' requirements (the
 * whole transitive closure, pruned or not: a superset of what the go command reads, so any later
 * command that reads more still finds them), each once, with {@code jobs} loads in flight on
 * virtual threads: a graph is as deep as its longest requirement chain, not as long as its list,
 * so latency per go.mod is paid per level. Replacements apply before loading: a module
 * replacement's go.mod is fetched instead, a local one is read from its directory (none there:
 * no requirements). Requirements on excluded versions are dropped as the go command drops them.
 */
final class GraphLoader {
    /** The summaries of the versions loaded, and why the others could not be. */
    record Loaded(Map<ModuleCoordinate, ModuleSummary> summaries, Map<ModuleCoordinate, String> failures) {}

    private final MainModules mains;
    private final GoModSource source;
    private final Semaphore inFlight;
    private final Map<ModuleCoordinate, ModuleSummary> summaries = new ConcurrentHashMap<>();
    private final Map<ModuleCoordinate, String> failures = new ConcurrentHashMap<>();
    private final Set<ModuleCoordinate> enqueued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger(1);
    private final CountDownLatch done = new CountDownLatch(1);

    GraphLoader(MainModules mains, GoModSource source, int jobs) {
        this.mains = mains;
        this.source = source;
        this.inFlight = new Semaphore(jobs);
    }

    /** Loads the closure; an interrupt stops every load in flight and is rethrown. */
    Loaded load() throws InterruptedException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (MainModules.MainModule main : mains.modules()) {
                    main.summary().requires().forEach(r -> enqueue(executor, r));
                }
                finishOne();
                done.await();
            } catch (InterruptedException e) {
                executor.shutdownNow();
                throw e;
            }
        }
        return new Loaded(Map.copyOf(summaries), Map.copyOf(failures));
    }

    private void enqueue(ExecutorService executor, ModuleCoordinate module) {
        if (module.version().equals("none") || !enqueued.add(module)) {
            return;
        }
        pending.incrementAndGet();
        executor.execute(() -> {
            try {
                inFlight.acquire();
                try {
                    summary(module).ifPresent(summary -> {
                        summaries.put(module, summary);
                        summary.requires().forEach(r -> enqueue(executor, r));
                    });
                } finally {
                    inFlight.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finishOne();
            }
        });
    }

    private Optional<ModuleSummary> summary(ModuleCoordinate module) {
        return switch (mains.replacements().resolve(module)) {
            case Replacements.Target.Local local -> Optional.of(local(local.directory()));
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

    private ModuleSummary local(Path directory) {
        return readLocal(directory).map(s -> s.without(mains.excluded())).orElse(ModuleSummary.EMPTY);
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

    private void finishOne() {
        if (pending.decrementAndGet() == 0) {
            done.countDown();
        }
    }
}
