package io.modvault.core.modgraph;

import io.modvault.core.gomod.GoModException;
import io.modvault.core.gomod.GoModFile;
import io.modvault.core.gomod.GoWorkFile;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The main modules a module graph starts from: the one module of a go.mod, or the modules a
 * go.work {@code use}s, each at version "" as the go command writes them, with their parsed
 * requirements. Also what only main modules decide: the {@code replace} directives in force
 * ({@link Replacements}), the {@code exclude}d versions of all of them, and whether the graph is
 * a workspace's or, for a single module, pruned (its {@code go} line 1.17 or later).
 */
public final class MainModules {
    /** One main module: its path at version "" and its requirements (excluded versions dropped). */
    record MainModule(ModuleCoordinate module, ModuleSummary summary) {}

    private final List<MainModule> modules;
    private final boolean workspace;
    private final Replacements replacements;
    private final Set<ModuleCoordinate> excluded;

    private MainModules(
            List<MainModule> modules, boolean workspace, Replacements replacements, Set<ModuleCoordinate> excluded) {
        this.modules = List.copyOf(modules);
        this.workspace = workspace;
        this.replacements = replacements;
        this.excluded = Set.copyOf(excluded);
    }

    /** The single main module of {@code goMod}. */
    public static MainModules ofGoMod(Path goMod) {
        GoModFile file = parse(goMod);
        Path directory = directoryOf(goMod);
        Set<ModuleCoordinate> excluded = exclusions(Stream.of(file));
        Replacements replacements = new Replacements(List.of(rules(file, directory)));
        return new MainModules(List.of(main(goMod, file, excluded)), false, replacements, excluded);
    }

    /** The modules {@code goWork} uses, with its replacements ahead of theirs. */
    public static MainModules ofGoWork(Path goWork) {
        GoWorkFile work;
        try {
            work = GoWorkFile.parse(goWork.toString(), read(goWork));
        } catch (GoModException e) {
            throw new ModuleGraphException(e.getMessage(), e);
        }
        Path base = directoryOf(goWork);
        List<Path> goMods = work.use().stream()
                .map(use -> base.resolve(use).normalize().resolve("go.mod"))
                .toList();
        List<GoModFile> files = goMods.stream().map(MainModules::parse).toList();
        Set<ModuleCoordinate> excluded = exclusions(files.stream());
        List<List<Replacements.Rule>> rules = new ArrayList<>();
        rules.add(
                work.replace().stream().map(r -> new Replacements.Rule(r, base)).toList());
        List<MainModule> modules = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path directory = directoryOf(goMods.get(i));
            rules.add(rules(files.get(i), directory));
            modules.add(main(goMods.get(i), files.get(i), excluded));
        }
        return new MainModules(modules, true, new Replacements(rules), excluded);
    }

    List<MainModule> modules() {
        return modules;
    }

    boolean workspace() {
        return workspace;
    }

    /** For a single main module: whether its go.mod allows graph pruning. */
    boolean pruned() {
        return !workspace && modules.getFirst().summary().pruned();
    }

    Replacements replacements() {
        return replacements;
    }

    Set<ModuleCoordinate> excluded() {
        return excluded;
    }

    /**
     * Each local replacement whose directory holds no readable go.mod ({@code old => dir}): the
     * graph goes on as if it required nothing, since there is nothing to follow.
     */
    public List<String> unreadableLocalReplacements() {
        return replacements.locals().stream()
                .filter(rule ->
                        GraphLoader.readLocal(Replacements.directory(rule)).isEmpty())
                .map(rule -> rule.replacement().oldPath() + " => "
                        + rule.replacement().newPath())
                .toList();
    }

    private static MainModule main(Path goMod, GoModFile file, Set<ModuleCoordinate> excluded) {
        String path = file.module().orElseThrow(() -> new ModuleGraphException(goMod + ": no module directive"));
        try {
            ModuleCoordinate module = new ModuleCoordinate(ModulePath.of(path), "");
            return new MainModule(module, ModuleSummary.of(file).without(excluded));
        } catch (InvalidModuleException e) {
            throw new ModuleGraphException(goMod + ": " + e.getMessage(), e);
        }
    }

    private static GoModFile parse(Path goMod) {
        try {
            return GoModFile.parse(goMod.toString(), read(goMod));
        } catch (GoModException e) {
            throw new ModuleGraphException(e.getMessage(), e);
        }
    }

    private static List<Replacements.Rule> rules(GoModFile file, Path directory) {
        return file.replace().stream()
                .map(r -> new Replacements.Rule(r, directory))
                .toList();
    }

    private static Set<ModuleCoordinate> exclusions(Stream<GoModFile> files) {
        Set<ModuleCoordinate> excluded = new HashSet<>();
        files.flatMap(f -> f.exclude().stream())
                .forEach(e -> excluded.add(new ModuleCoordinate(ModulePath.of(e.path()), e.version())));
        return excluded;
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModuleGraphException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ModuleGraphException(file + ": cannot read: " + e, e);
        }
    }
}
