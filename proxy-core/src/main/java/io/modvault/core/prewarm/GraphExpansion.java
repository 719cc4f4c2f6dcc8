package io.modvault.core.prewarm;

import io.modvault.core.modgraph.GoModSource;
import io.modvault.core.modgraph.ModuleGraph;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.protocol.ProxyRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The first phase of a run: each {@link PrewarmItem.Graph} becomes the items its
 * {@link ModuleGraph} names — the {@code .mod} of every version the go command reads, and all
 * three artifacts of every selected version — loaded with the run's {@code jobs} through the run's fetcher and
 * retries. The outcome of each {@code .mod} fetched while loading is kept, and {@link #fetcher()}
 * answers that {@code .mod} from it, so each is fetched once and then reported as an item like
 * any other: fetched, already present, or failed with the reason the load met.
 */
final class GraphExpansion {
    private final ArtifactFetcher fetcher;
    private final RetryPolicy retries;
    private final int jobs;
    private final Map<ModuleCoordinate, FetchOutcome> goMods = new ConcurrentHashMap<>();

    GraphExpansion(ArtifactFetcher fetcher, RetryPolicy retries, int jobs) {
        this.fetcher = fetcher;
        this.retries = retries;
        this.jobs = jobs;
    }

    /**
     * {@code items} with every graph replaced by its items, merged; {@code reading} hears each
     * graph's origin before its load starts. Interrupting abandons the load.
     */
    List<PrewarmItem> expand(List<PrewarmItem> items, Consumer<String> reading) throws InterruptedException {
        if (items.stream().noneMatch(PrewarmItem.Graph.class::isInstance)) {
            return items;
        }
        List<PrewarmItem> expanded = new ArrayList<>();
        for (PrewarmItem item : items) {
            if (item instanceof PrewarmItem.Graph graph) {
                reading.accept(graph.origin());
                expanded.addAll(itemsOf(graph));
            } else {
                expanded.add(item);
            }
        }
        return PrewarmInputs.merged(expanded);
    }

    /** The run's fetcher, answering the {@code .mod} files the expansion fetched from what it got. */
    ArtifactFetcher fetcher() {
        return new ArtifactFetcher() {
            @Override
            public FetchOutcome fetch(ProxyRequest request) {
                FetchOutcome known = known(request);
                return known != null ? known : fetcher.fetch(request);
            }

            @Override
            public FetchOutcome fetchHashed(ProxyRequest request) {
                FetchOutcome known = known(request);
                return known != null ? known : fetcher.fetchHashed(request);
            }
        };
    }

    private FetchOutcome known(ProxyRequest request) {
        return request instanceof ProxyRequest.Mod mod
                ? goMods.get(new ModuleCoordinate(mod.module(), mod.version()))
                : null;
    }

    private List<PrewarmItem> itemsOf(PrewarmItem.Graph item) throws InterruptedException {
        ModuleGraph graph = ModuleGraph.load(item.mains(), this::goMod, jobs);
        List<PrewarmItem> items = new ArrayList<>();
        graph.goMods().forEach(c -> items.add(new PrewarmItem.Version(c, EnumSet.of(Artifact.MOD), item.origin())));
        graph.failures()
                .keySet()
                .forEach(c -> items.add(new PrewarmItem.Version(c, EnumSet.of(Artifact.MOD), item.origin())));
        graph.selected().forEach(c -> items.add(PrewarmItem.Version.complete(c, item.origin())));
        return items;
    }

    /** Graphs expand one after another and each asks for a version once, so a plain get-then-put is enough. */
    private GoModSource.Answer goMod(ModuleCoordinate version) {
        FetchOutcome outcome = goMods.get(version);
        if (outcome == null) {
            ProxyRequest request = new ProxyRequest.Mod(version.path(), version.version());
            outcome = settled(retries.run(() -> fetcher.fetchHashed(request)));
            goMods.put(version, outcome);
        }
        return switch (outcome) {
            case FetchOutcome.Delivered delivered -> new GoModSource.Answer.Found(delivered.body());
            case FetchOutcome.Failed failed -> new GoModSource.Answer.Missing(failed.reason());
        };
    }

    /** A failure already retried is final: replaying it must not be retried again. */
    private static FetchOutcome settled(FetchOutcome outcome) {
        return outcome instanceof FetchOutcome.Failed failed && failed.retryable()
                ? new FetchOutcome.Failed(failed.status(), failed.reason(), false)
                : outcome;
    }
}
