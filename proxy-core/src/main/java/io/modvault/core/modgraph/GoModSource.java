package io.modvault.core.modgraph;

import io.modvault.core.module.ModuleCoordinate;

/**
 * Where the go.mod files of a module graph come from: prewarming fetches them through its
 * artifact fetcher (upstream, private routes or a running server), an export reads them from the
 * store alone. This is the only thing {@link ModuleGraph#load} needs from the outside world. Called
 * from many virtual threads at once, at most once per module version in one load; blocking is fine.
 */
@FunctionalInterface
public interface GoModSource {

    /** The go.mod of {@code version} (a canonical version, never a main module), or why it cannot be had. */
    Answer goMod(ModuleCoordinate version);

    /** What a source answers for one go.mod. */
    sealed interface Answer {
        /** The go.mod file's bytes. */
        record Found(byte[] goMod) implements Answer {}

        /** The go.mod could not be had; {@code reason} is one line for the user. */
        record Missing(String reason) implements Answer {}
    }
}
