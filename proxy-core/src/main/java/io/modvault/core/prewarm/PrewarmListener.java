package io.modvault.core.prewarm;

/**
 * Progress of a {@link Prewarmer} run, for a progress display. Called from the worker threads,
 * so implementations must be thread-safe and quick.
 */
public interface PrewarmListener {
    /** Ignores every event. */
    PrewarmListener NONE = new PrewarmListener() {};

    /**
     * The go.mod files of the module graph of {@code origin} (a go.mod or go.work input) are being
     * read; comes before {@link #started}, which needs the graph to count the items.
     */
    default void readingGraph(String origin) {}

    /** The run starts with {@code items} items. */
    default void started(int items) {}

    /** An artifact of {@code bytes} bytes was delivered. */
    default void delivered(long bytes) {}

    /** An item ended. */
    default void finished(ItemResult result) {}
}
