package io.modvault.server.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts events by reason and lets at most one summary line through per interval, so a flood
 * (thousands of refused connections, a full disk) costs a few log lines, not one per event.
 * Thread-safe; the line is built and handed to the sink outside the event's hot path only when due.
 */
public final class RateLimitedWarning {
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> sink;
    private final Map<String, Long> counts = new TreeMap<>();
    private long lastLineMillis = Long.MIN_VALUE;

    public RateLimitedWarning(Clock clock, Duration interval, Consumer<String> sink) {
        this.clock = clock;
        this.interval = interval;
        this.sink = sink;
    }

    /** Counts one event; emits a line with every count since the last one when the interval has passed. */
    public void record(String reason, String detail) {
        String line;
        synchronized (this) {
            counts.merge(reason, 1L, Long::sum);
            long now = clock.millis();
            if (lastLineMillis != Long.MIN_VALUE && now - lastLineMillis < interval.toMillis()) {
                return;
            }
            lastLineMillis = now;
            line = counts + " since the previous report (at most one per " + interval.toSeconds() + " s); latest: "
                    + detail;
            counts.clear();
        }
        sink.accept(line);
    }
}
