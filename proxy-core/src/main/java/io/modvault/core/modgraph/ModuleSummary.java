package io.modvault.core.modgraph;

import io.modvault.core.gomod.GoModFile;
import io.modvault.core.gomod.Requirement;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.util.List;
import java.util.Set;

/**
 * What the module graph keeps of one go.mod, like the go command's {@code modFileSummary}: its
 * requirements (in file order) and whether its {@code go} line is 1.17 or later, which makes its
 * requirements prunable: they list everything its packages need, so the go command need not read
 * their go.mod files. A go.mod without a {@code go} line (such as the one a proxy synthesises for a
 * module without go.mod, {@code +incompatible}) is unpruned.
 */
record ModuleSummary(List<ModuleCoordinate> requires, boolean pruned) {
    private static final int[] PRUNING_SINCE = {1, 17};

    ModuleSummary {
        requires = List.copyOf(requires);
    }

    /** A module that requires nothing, as the go command treats a local replacement without go.mod. */
    static final ModuleSummary EMPTY = new ModuleSummary(List.of(), false);

    static ModuleSummary of(GoModFile file) {
        List<ModuleCoordinate> requires =
                file.require().stream().map(ModuleSummary::coordinate).toList();
        boolean pruned = file.language()
                .map(v -> v[0] > PRUNING_SINCE[0] || v[0] == PRUNING_SINCE[0] && v[1] >= PRUNING_SINCE[1])
                .orElse(false);
        return new ModuleSummary(requires, pruned);
    }

    /** Without the requirements on excluded versions, which the go command ignores since Go 1.16. */
    ModuleSummary without(Set<ModuleCoordinate> excluded) {
        if (excluded.isEmpty() || requires.stream().noneMatch(excluded::contains)) {
            return this;
        }
        return new ModuleSummary(
                requires.stream().filter(r -> !excluded.contains(r)).toList(), pruned);
    }

    private static ModuleCoordinate coordinate(Requirement requirement) {
        return new ModuleCoordinate(ModulePath.of(requirement.path()), requirement.version());
    }
}
