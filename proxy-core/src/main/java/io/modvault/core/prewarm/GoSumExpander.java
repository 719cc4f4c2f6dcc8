package io.modvault.core.prewarm;

import io.modvault.core.gomod.GoModException;
import io.modvault.core.gomod.GoSumFile;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.sumdb.GoSumLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@code go.sum} file, or a directory searched for them ({@link GoSumSearch}): each line names
 * exactly what the go command fetches for it, as in {@code go mod download} — a {@code /go.mod}
 * line the version's {@code .mod}, any other line its {@code .info}, {@code .mod} and
 * {@code .zip} — and the line's {@code h1:} is what the fetched {@code .mod} or {@code .zip} must
 * hash to. go.mod and go.work files met in a directory become module graphs, as
 * {@link ModuleGraphExpander} reads them. Other inputs are not of this kind.
 */
public final class GoSumExpander implements InputExpander {
    static final String GO_SUM = "go.sum";
    private final Consumer<String> notes;

    /** {@code notes} hears what {@link ModuleGraphExpander} tells of the go.mod and go.work files found. */
    public GoSumExpander(Consumer<String> notes) {
        this.notes = notes;
    }

    @Override
    public Optional<List<PrewarmItem>> expand(String input) {
        Optional<Path> parsed = InputPaths.parse(input);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Path path = parsed.get();
        if (InputPaths.named(path, GO_SUM)) {
            return Optional.of(items(path));
        }
        if (Files.isDirectory(path)) {
            GoSumSearch.Found found = GoSumSearch.in(path);
            if (found.goSums().isEmpty() && found.graphs().isEmpty()) {
                throw new InputException(input + ": no go.sum, go.mod or go.work file in this directory");
            }
            List<PrewarmItem> items = new ArrayList<>();
            found.goSums().forEach(goSum -> items.addAll(items(goSum)));
            found.graphs().forEach(file -> items.add(ModuleGraphExpander.item(file, notes)));
            return Optional.of(items);
        }
        return Optional.empty();
    }

    /** The items of one go.sum file, in line order; the file's path is their origin. */
    static List<PrewarmItem> items(Path goSum) {
        byte[] data;
        try {
            data = Files.readAllBytes(goSum);
        } catch (IOException e) {
            throw new InputException(goSum + ": cannot read: " + e, e);
        }
        List<PrewarmItem> items = new ArrayList<>();
        try {
            for (GoSumLine line : GoSumFile.parse(goSum.toString(), data)) {
                items.add(item(line, goSum.toString()));
            }
        } catch (GoModException e) {
            throw new InputException(e.getMessage(), e);
        }
        return items;
    }

    private static PrewarmItem.Version item(GoSumLine line, String origin) {
        ModuleCoordinate coordinate;
        try {
            coordinate = ModuleCoordinate.checked(ModulePath.of(line.module()), line.baseVersion());
        } catch (InvalidModuleException e) {
            throw new InputException(origin + ": line \"" + line + "\": " + e.getMessage(), e);
        }
        if (line.isGoMod()) {
            return new PrewarmItem.Version(
                    coordinate, EnumSet.of(Artifact.MOD), origin, Map.of(Artifact.MOD, line.hash()));
        }
        return new PrewarmItem.Version(
                coordinate, EnumSet.allOf(Artifact.class), origin, Map.of(Artifact.ZIP, line.hash()));
    }
}
