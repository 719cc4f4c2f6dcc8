package io.modvault.core.prewarm;

import io.modvault.core.modgraph.MainModules;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One thing to put in the cache, as an {@link InputExpander} named it: the artifacts of a
 * canonical module version, or a query ({@code latest}, a branch, a commit) that is resolved
 * through the proxy first and then fetched like a version with all its artifacts, or the module
 * graph of a go.mod or go.work, which the {@link Prewarmer} expands into versions before it
 * fetches anything (the graph's go.mod files come through the same fetcher). {@code origin}
 * is the input that named the item ({@code module@latest}, a go.sum file's path), for reports.
 */
public sealed interface PrewarmItem {

    /** The input that named this item. */
    String origin();

    /** How reports name the item before it is resolved. */
    String name();

    /**
     * The {@code artifacts} of one canonical version; reports list them in {@link Artifact} order.
     * {@code expectedH1} holds the {@code h1:} a go.sum line gave for the {@link Artifact#MOD} and/or
     * {@link Artifact#ZIP}: the fetched artifact must hash to it, or the item fails as a mismatch.
     */
    record Version(
            ModuleCoordinate coordinate, Set<Artifact> artifacts, String origin, Map<Artifact, String> expectedH1)
            implements PrewarmItem {
        public Version {
            Objects.requireNonNull(coordinate, "coordinate");
            Objects.requireNonNull(origin, "origin");
            if (artifacts.isEmpty()) {
                throw new IllegalArgumentException("an item needs at least one artifact: " + coordinate);
            }
            artifacts = Set.copyOf(EnumSet.copyOf(artifacts));
            expectedH1 = Map.copyOf(expectedH1);
            if (expectedH1.containsKey(Artifact.INFO) || !artifacts.containsAll(expectedH1.keySet())) {
                throw new IllegalArgumentException("an expected h1 only for a fetched .mod or .zip: " + coordinate);
            }
        }

        /** Artifacts without expected hashes: nothing to compare them with. */
        public Version(ModuleCoordinate coordinate, Set<Artifact> artifacts, String origin) {
            this(coordinate, artifacts, origin, Map.of());
        }

        /** The {@code h1:} the fetched {@code artifact} must have, when an input gave one. */
        public Optional<String> expectedH1(Artifact artifact) {
            return Optional.ofNullable(expectedH1.get(artifact));
        }

        /** All three artifacts: what {@code go mod download} fetches for a module it builds. */
        public static Version complete(ModuleCoordinate coordinate, String origin) {
            return new Version(coordinate, EnumSet.allOf(Artifact.class), origin);
        }

        public String name() {
            return coordinate.toString();
        }
    }

    /** A query to resolve: {@code latest} through {@code @latest}, anything else through {@code @v/<query>.info}. */
    record Query(ModulePath module, String query, String origin) implements PrewarmItem {
        public Query {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(origin, "origin");
        }

        public String name() {
            return module.value() + "@" + query;
        }
    }

    /**
     * The module graph of a go.mod or go.work ({@code origin}, its path): expanded by the
     * {@link Prewarmer} into the {@code .mod} of every version whose go.mod the go command reads
     * for it and the {@code .info}, {@code .mod} and {@code .zip} of every version it selects.
     */
    record Graph(MainModules mains, String origin) implements PrewarmItem {
        public Graph {
            Objects.requireNonNull(mains, "mains");
            Objects.requireNonNull(origin, "origin");
        }

        public String name() {
            return origin;
        }
    }
}
