package io.modvault.core.prewarm;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code module@version} (all three artifacts of that version) and {@code module@query}: a query
 * ({@code latest}, a branch, a commit hash, a version prefix such as {@code v1.2}) is resolved by
 * the proxy. Queries the go command answers relative to a build list ({@code upgrade},
 * {@code patch}, {@code none}) or by comparison ({@code >=v1.2.0}) have no proxy endpoint and are
 * refused here. Inputs without {@code @} are not of this kind.
 */
public final class ModuleQueryExpander implements InputExpander {
    /** Characters a query may carry in a {@code @v/<query>.info} URL segment. */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._+~-]+");

    private static final Set<String> BUILD_LIST_QUERIES = Set.of("upgrade", "patch", "none");

    @Override
    public Optional<List<PrewarmItem>> expand(String input) {
        int at = input.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String version = input.substring(at + 1);
        ModulePath module = module(input, input.substring(0, at));
        if (ModuleVersion.isValid(version) && ModuleVersion.isCanonical(version)) {
            try {
                return Optional.of(
                        List.of(PrewarmItem.Version.complete(ModuleCoordinate.checked(module, version), input)));
            } catch (InvalidModuleException e) {
                throw new InputException(
                        e.getMessage().startsWith(input) ? e.getMessage() : input + ": " + e.getMessage(), e);
            }
        }
        if (BUILD_LIST_QUERIES.contains(version)) {
            throw new InputException(
                    input + ": the query " + version + " needs a build list (a go.mod); give a version or latest");
        }
        if (!QUERY.matcher(version).matches()) {
            throw new InputException(
                    input + ": not module@version or module@query (latest, a branch, a commit, a version prefix)");
        }
        return Optional.of(List.of(new PrewarmItem.Query(module, version, input)));
    }

    private static ModulePath module(String input, String path) {
        try {
            return ModulePath.of(path);
        } catch (InvalidModuleException e) {
            throw new InputException(input + ": " + e.getMessage(), e);
        }
    }
}
