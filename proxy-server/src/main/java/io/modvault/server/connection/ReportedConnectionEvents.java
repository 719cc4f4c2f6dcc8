package io.modvault.server.connection;

import io.modvault.server.metrics.ProxyMetrics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every refused or cut connection in {@code modvault_connections_rejected_total{reason}}
 * and logs them as one WARN line per 10 s at most, with the counts by reason.
 */
public final class ReportedConnectionEvents implements ConnectionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    private final ProxyMetrics metrics;
    private final RateLimitedWarning warning;

    public ReportedConnectionEvents(ProxyMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.warning = new RateLimitedWarning(
                clock, Duration.ofSeconds(10), line -> LOG.warn("connections refused or cut: {}", line));
    }

    @Override
    public void refused(String reason, String detail) {
        metrics.connectionRejected(reason);
        warning.record(reason, detail);
    }
}
