package io.modvault.core.prewarm;

import io.modvault.core.modgraph.MainModules;
import io.modvault.core.modgraph.ModuleGraphException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@code go.mod} or {@code go.work} file: one {@link PrewarmItem.Graph} whose main modules are
 * read now, so a malformed file is a usage error before anything is fetched; the graph behind
 * them is loaded when the run starts. A local replacement whose directory holds no readable
 * go.mod is told to {@code notes} (the go command would fail there; prewarming goes on without
 * its requirements). Other inputs are not of this kind.
 */
public final class ModuleGraphExpander implements InputExpander {
    static final String GO_MOD = "go.mod";
    static final String GO_WORK = "go.work";
    private final Consumer<String> notes;

    /** {@code notes} hears one line per local replacement whose requirements cannot be followed. */
    public ModuleGraphExpander(Consumer<String> notes) {
        this.notes = notes;
    }

    @Override
    public Optional<List<PrewarmItem>> expand(String input) {
        return InputPaths.parse(input)
                .filter(path -> InputPaths.named(path, GO_MOD) || InputPaths.named(path, GO_WORK))
                .map(path -> List.of(item(path, notes)));
    }

    static boolean isGraphFile(String name) {
        return name.equals(GO_MOD) || name.equals(GO_WORK);
    }

    /** The graph item of a go.mod or go.work file, its path the origin. */
    static PrewarmItem.Graph item(Path file, Consumer<String> notes) {
        MainModules mains;
        try {
            mains = file.getFileName().toString().equals(GO_WORK)
                    ? MainModules.ofGoWork(file)
                    : MainModules.ofGoMod(file);
        } catch (ModuleGraphException e) {
            throw new InputException(e.getMessage(), e);
        }
        mains.unreadableLocalReplacements()
                .forEach(replace -> notes.accept(file + ": replace " + replace
                        + ": no readable go.mod in that directory; its requirements are not followed"));
        return new PrewarmItem.Graph(mains, file.toString());
    }
}
