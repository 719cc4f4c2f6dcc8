package io.modvault.core.modgraph;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The versions the go command selects, from go.mod summaries already loaded: the graph that
 * {@code modload.readModGraph} builds, then minimal version selection (the highest version of
 * each path anywhere in it). Under pruning (a main module at go 1.17 or later) a pruned
 * dependency's requirements are in the graph but their own requirements are not, so the
 * selection can be lower than over the whole closure; an unpruned module's requirements are
 * followed transitively; a workspace loads its modules' requirements one level deeper and then
 * reloads dependencies selected above the version their requirer names. Sequential: it reads
 * summaries from memory only, and a summary it asks for and does not get is a module version
 * whose go.mod the go command reads ({@link GraphLoader} loads those and runs it again).
 */
final class BuildList {
    private enum Pruning {
        PRUNED,
        UNPRUNED,
        WORKSPACE
    }

    private record Visit(ModuleCoordinate module, Pruning pruning) {}

    private final Map<ModuleCoordinate, ModuleSummary> mainSummaries = new HashMap<>();
    private final Function<ModuleCoordinate, Optional<ModuleSummary>> summaries;
    private final Map<ModuleCoordinate, List<ModuleCoordinate>> required = new HashMap<>();
    private final Map<String, String> selected = new HashMap<>();
    private final Map<String, ModulePath> paths = new HashMap<>();
    private final Set<Visit> visited = new HashSet<>();
    private final ArrayDeque<Visit> queue = new ArrayDeque<>();

    private BuildList(Function<ModuleCoordinate, Optional<ModuleSummary>> summaries) {
        this.summaries = summaries;
    }

    /** The selected version of every module path in the graph, main modules at "". */
    static Map<String, String> select(
            MainModules mains, Function<ModuleCoordinate, Optional<ModuleSummary>> summaries) {
        BuildList list = new BuildList(summaries);
        mains.modules().forEach(main -> {
            list.mainSummaries.put(main.module(), main.summary());
            list.note(main.module());
        });
        if (mains.workspace()) {
            mains.modules().forEach(main -> list.enqueue(main.module(), Pruning.WORKSPACE));
            list.drain();
            list.reloadWorkspaceDependencies(mains);
        } else {
            MainModules.MainModule main = mains.modules().getFirst();
            list.require(main.module(), main.summary().requires());
            Pruning pruning = mains.pruned() ? Pruning.PRUNED : Pruning.UNPRUNED;
            main.summary().requires().forEach(r -> list.enqueue(r, pruning));
            list.drain();
        }
        return Map.copyOf(list.selected);
    }

    private void enqueue(ModuleCoordinate module, Pruning pruning) {
        if (!module.version().equals("none") && visited.add(new Visit(module, pruning))) {
            queue.add(new Visit(module, pruning));
        }
    }

    private void drain() {
        for (Visit visit = queue.poll(); visit != null; visit = queue.poll()) {
            ModuleCoordinate module = visit.module();
            Optional<ModuleSummary> loaded =
                    Optional.ofNullable(mainSummaries.get(module)).or(() -> summaries.apply(module));
            if (loaded.isEmpty()) {
                continue; // not loadable: the go command reports it; the selection goes on without it
            }
            ModuleSummary summary = loaded.get();
            require(module, summary.requires());
            Pruning next = visit.pruning() == Pruning.UNPRUNED || !summary.pruned() ? Pruning.UNPRUNED : Pruning.PRUNED;
            if (visit.pruning() != Pruning.PRUNED || !summary.pruned()) {
                summary.requires().forEach(r -> enqueue(r, next));
            }
        }
    }

    /** readModGraph's workspace loop: load, one level deep, dependencies selected above what their requirer names. */
    private void reloadWorkspaceDependencies(MainModules mains) {
        Set<String> hasDepsInAll = new LinkedHashSet<>();
        mains.modules().forEach(main -> hasDepsInAll.add(main.module().path().value()));
        Set<ModuleCoordinate> seen = new HashSet<>();
        while (true) {
            Set<ModuleCoordinate> needed = new LinkedHashSet<>();
            for (String path : hasDepsInAll) {
                ModuleCoordinate module = selectedOf(path);
                if (!seen.contains(module)) {
                    needed.add(module);
                    continue;
                }
                for (ModuleCoordinate r : required.getOrDefault(module, List.of())) {
                    ModuleCoordinate chosen = selectedOf(r.path().value());
                    if (compare(chosen.version(), r.version()) > 0 && !seen.contains(chosen)) {
                        needed.add(chosen);
                    }
                }
            }
            if (needed.isEmpty()) {
                return;
            }
            for (ModuleCoordinate module : needed) {
                enqueue(module, Pruning.WORKSPACE);
                seen.add(module);
                hasDepsInAll.add(module.path().value());
            }
            drain();
        }
    }

    private ModuleCoordinate selectedOf(String path) {
        return new ModuleCoordinate(paths.get(path), selected.get(path));
    }

    private void require(ModuleCoordinate module, List<ModuleCoordinate> requires) {
        if (required.putIfAbsent(module, requires) == null) {
            requires.forEach(this::note);
        }
    }

    private void note(ModuleCoordinate module) {
        paths.putIfAbsent(module.path().value(), module.path());
        selected.merge(module.path().value(), module.version(), (a, b) -> compare(a, b) >= 0 ? a : b);
    }

    /** The go command's cmpVersion: a main module's "" is above every version. */
    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? 1 : -1;
        }
        return ModuleVersion.compare(a, b);
    }
}
