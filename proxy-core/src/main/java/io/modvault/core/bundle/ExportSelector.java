package io.modvault.core.bundle;

import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.InfoCheck;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.modgraph.GoModSource;
import io.modvault.core.modgraph.ModuleGraph;
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
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;

/**
 * Turns an export's selectors into versions. Inputs arrive as prewarm items (expanded by the same
 * {@code PrewarmInputs}: go.sum files, directories, module@version, queries, and go.mod/go.work
 * files, whose module graph is read here as prewarm reads it) and become versions to fetch if missing;
 * {@code --all} takes every version the store holds an artifact of; {@code --match} keeps the
 * versions whose module path matches the GOPRIVATE-syntax patterns (alone, it filters --all);
 * {@code --since}/{@code --after} take what was stored since a time.
 */
public final class ExportSelector {
    /** go.mod reads in flight while expanding a graph: most are store hits, the rest upstream round trips. */
    private static final int GRAPH_JOBS = 8;

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
                case PrewarmItem.Graph g -> selections.addAll(graph(g, failed));
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

    /**
     * The versions a go.mod or go.work needs, as prewarm reads its graph: the {@code .mod} of every
     * version the go command reads and all artifacts of every selected one; go.mod files the store
     * lacks are fetched and verified through the proxy first, like other inputs.
     */
    private List<ExportSelection> graph(PrewarmItem.Graph item, BiConsumer<String, String> failed) {
        ModuleGraph graph;
        try {
            graph = ModuleGraph.load(item.mains(), this::goMod, GRAPH_JOBS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the module graph of " + item.origin());
        }
        graph.failures().forEach((coordinate, reason) -> failed.accept(coordinate.toString(), reason));
        List<ExportSelection> selections = new ArrayList<>();
        graph.goMods().forEach(c -> selections.add(new ExportSelection(c, EnumSet.of(Artifact.MOD), true)));
        graph.selected().forEach(c -> selections.add(new ExportSelection(c, EnumSet.allOf(Artifact.class), true)));
        return selections;
    }

    private GoModSource.Answer goMod(ModuleCoordinate version) {
        return switch (proxy.get(new ProxyRequest.Mod(version.path(), version.version()))) {
            case FetchResult.Content content -> new GoModSource.Answer.Found(content.body());
            case FetchResult.NotFound notFound -> new GoModSource.Answer.Missing(notFound.reason());
            case FetchResult.Refused refused -> new GoModSource.Answer.Missing(refused.reason());
            case FetchResult.Failure failure -> new GoModSource.Answer.Missing(failure.reason());
            case FetchResult.Blob blob -> new GoModSource.Answer.Missing("a .mod answered as a blob");
        };
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
