package io.modvault.core.prewarm;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One thing to put in the cache, as an {@link InputExpander} named it: the artifacts of a
 * canonical module version, or a query ({@code latest}, a branch, a commit) that is resolved
 * through the proxy first and then fetched like a version with all its artifacts. {@code origin}
 * is the input that named the item ({@code module@latest}, later {@code go.sum:12}), for reports.
 */
public sealed interface PrewarmItem {

    /** The input that named this item. */
    String origin();

    /** How reports name the item before it is resolved. */
    String name();

    /** The {@code artifacts} of one canonical version; reports list them in {@link Artifact} order. */
    record Version(ModuleCoordinate coordinate, Set<Artifact> artifacts, String origin) implements PrewarmItem {
        public Version {
            Objects.requireNonNull(coordinate, "coordinate");
            Objects.requireNonNull(origin, "origin");
            if (artifacts.isEmpty()) {
                throw new IllegalArgumentException("an item needs at least one artifact: " + coordinate);
            }
            artifacts = Set.copyOf(EnumSet.copyOf(artifacts));
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
}
