package io.modvault.core.bundle;

import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.InfoCheck;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.prewarm.Artifact;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Turns an export's selectors into versions. Inputs arrive as prewarm items (expanded by the same
 * {@code PrewarmInputs}: go.sum files, directories, module@version, queries; a go.mod expander
 * plugs in there and reaches this class as more items) and become versions to fetch if missing;
 * {@code --all} takes every version the store holds an artifact of; {@code --match} keeps the
 * versions whose module path matches the GOPRIVATE-syntax patterns (alone, it filters --all);
 * {@code --since}/{@code --after} take what was stored since a time.
 */
public final class ExportSelector {
    private final ModuleStore store;
    private final ModuleProxy proxy;

    public ExportSelector(ModuleStore store, ModuleProxy proxy) {
        this.store = store;
        this.proxy = proxy;
    }

    /** Versions named by {@code items}; a query that cannot be resolved is reported through {@code failed}. */
    public List<ExportSelection> fromItems(List<PrewarmItem> items, BiConsumer<String, String> failed) {
        List<ExportSelection> selections = new ArrayList<>();
        for (PrewarmItem item : items) {
            switch (item) {
                case PrewarmItem.Version v -> selections.add(new ExportSelection(v.coordinate(), v.artifacts(), true));
                case PrewarmItem.Query q ->
                    resolve(q)
                            .ifPresentOrElse(
                                    c -> selections.add(new ExportSelection(c, EnumSet.allOf(Artifact.class), true)),
                                    () -> failed.accept(q.name(), "the query cannot be resolved through the proxy"));
            }
        }
        return selections;
    }

    /** Every version of which the store holds a {@code .info}, {@code .mod} or zip. */
    public List<ExportSelection> stored() {
        Map<String, ExportSelection> versions = new LinkedHashMap<>();
        for (EntryKind kind : List.of(EntryKind.INFO, EntryKind.MOD, EntryKind.ZIP)) {
            for (String key : store.keys(kind, "")) {
                parseKey(key)
                        .ifPresent(c -> versions.putIfAbsent(
                                c.toString(), new ExportSelection(c, EnumSet.allOf(Artifact.class), false)));
            }
        }
        return List.copyOf(versions.values());
    }

    /**
     * Every version with an artifact stored at or after {@code since}, oldest first, from the
     * store's stored-time index: what an incremental bundle ({@code --since}, {@code --after}) carries.
     */
    public List<ExportSelection> storedSince(Instant since) {
        return new StoredVersions(store)
                .since(since, Integer.MAX_VALUE).stream()
                        .map(v -> new ExportSelection(v.coordinate(), EnumSet.allOf(Artifact.class), false))
                        .toList();
    }

    public static List<ExportSelection> matching(List<ExportSelection> selections, PrefixPatterns patterns) {
        return selections.stream()
                .filter(s -> patterns.matches(s.coordinate().path().value()))
                .toList();
    }

    /** A store key {@code escapedPath@escapedVersion}, as {@link ModuleCoordinate#escaped()} writes it. */
    static Optional<ModuleCoordinate> parseKey(String key) {
        int at = key.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            ModulePath path = ModulePath.parseEscaped(key.substring(0, at));
            return Optional.of(ModuleCoordinate.checked(path, ModuleVersion.unescape(key.substring(at + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<ModuleCoordinate> resolve(PrewarmItem.Query query) {
        ProxyRequest request = query.query().equals("latest")
                ? new ProxyRequest.Latest(query.module())
                : new ProxyRequest.Info(query.module(), query.query(), false);
        if (proxy.get(request) instanceof FetchResult.Content content) {
            return InfoCheck.version(content.body()).map(v -> new ModuleCoordinate(query.module(), v));
        }
        return Optional.empty();
    }
}
