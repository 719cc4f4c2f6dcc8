package io.modvault.server.metrics;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.integrity.IntegrityStats;
import io.modvault.core.upstream.CircuitBreakers;
import io.modvault.core.verify.VerificationStats;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The server's metrics registry, exposed at {@code /metrics} in the Prometheus text format:
 * requests by kind, cache outcome and status class, response bytes, and request latency.
 * One registry per server instance (never the global default), so tests can run servers side
 * by side.
 */
public final class ProxyMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("modvault_requests_total")
            .help("Requests answered, by artifact kind, cache outcome and status class")
            .labelNames("kind", "outcome", "status")
            .register(registry);
    private final Counter bytes = Counter.builder()
            .name("modvault_response_bytes_total")
            .help("Response body bytes sent, by artifact kind")
            .labelNames("kind")
            .register(registry);
    private final Histogram latency = Histogram.builder()
            .name("modvault_request_duration_seconds")
            .help("Time from request to the last byte written, by artifact kind")
            .labelNames("kind")
            .register(registry);
    private final Counter connectionsRejected = Counter.builder()
            .name("modvault_connections_rejected_total")
            .help("Connections refused at accept (caps) or cut before a complete request head, by reason")
            .labelNames("reason")
            .register(registry);
    private final Counter diskFull = Counter.builder()
            .name("modvault_disk_full_total")
            .help("Requests answered 507 because the data directory's disk was full")
            .register(registry);

    /** Exposes the checksum verification outcomes ({@code modvault_checksum_*_total}). */
    public void register(VerificationStats stats) {
        callbackCounter(
                "modvault_checksum_verified_total", "Artifacts proven against the checksum database", stats::verified);
        callbackCounter(
                "modvault_checksum_skipped_total",
                "Artifacts stored without a database check (GONOSUMDB, GOSUMDB=off)",
                stats::skipped);
        callbackCounter(
                "modvault_checksum_mismatches_total",
                "Artifacts refused because their hash contradicts the database",
                stats::mismatches);
        callbackCounter(
                "modvault_checksum_forks_total",
                "Database answers inconsistent with the trusted tree head",
                stats::forks);
        callbackCounter(
                "modvault_checksum_unavailable_total",
                "Artifacts refused because the database could not be read or proven",
                stats::unavailable);
    }

    /**
     * Exposes each upstream's circuit breaker: {@code modvault_upstream_state{upstream}} (0 closed,
     * 1 open, 2 half-open), {@code modvault_upstream_failures_total} and
     * {@code modvault_upstream_short_circuited_total}.
     */
    public void register(CircuitBreakers breakers) {
        GaugeWithCallback.builder()
                .name("modvault_upstream_state")
                .help(
                        "Circuit breaker state per upstream: 0 closed (healthy), 1 open (marked down), 2 half-open (probing)")
                .labelNames("upstream")
                .callback(cb -> breakers.all().forEach(b -> cb.call(b.state().ordinal(), b.upstream())))
                .register(registry);
        CounterWithCallback.builder()
                .name("modvault_upstream_failures_total")
                .help("Upstream requests that found it unreachable, timing out or answering 5xx")
                .labelNames("upstream")
                .callback(cb -> breakers.all().forEach(b -> cb.call(b.failures(), b.upstream())))
                .register(registry);
        CounterWithCallback.builder()
                .name("modvault_upstream_short_circuited_total")
                .help("Requests failed at once without asking because the upstream was marked down")
                .labelNames("upstream")
                .callback(cb -> breakers.all().forEach(b -> cb.call(b.shortCircuited(), b.upstream())))
                .register(registry);
    }

    /** Damaged blobs found and the background scrub's work ({@code modvault_blob_*}, {@code modvault_scrub_*}). */
    public void register(IntegrityStats stats) {
        callbackCounter(
                "modvault_blob_quarantined_total",
                "Stored zips found damaged (size differs from the record) just before serving, quarantined and refetched",
                stats::quarantinedOnRequestCount);
        callbackCounter(
                "modvault_scrub_passes_total",
                "Completed background scrub passes over every stored zip",
                stats::scrubPasses);
        callbackCounter("modvault_scrub_blobs_total", "Blobs re-hashed by the background scrub", stats::scrubBlobs);
        callbackCounter("modvault_scrub_bytes_total", "Bytes read by the background scrub", stats::scrubBytes);
        callbackCounter(
                "modvault_scrub_findings_total",
                "Damaged blobs found by the background scrub and quarantined",
                stats::scrubFindings);
    }

    /** Access-log lines dropped because the writer fell behind ({@code modvault_access_log_dropped_total}). */
    public void registerAccessLog(LongSupplier dropped) {
        callbackCounter(
                "modvault_access_log_dropped_total",
                "Access-log lines dropped because the log writer fell behind",
                dropped);
    }

    /** The connections admitted and still open ({@code modvault_open_connections}). */
    public void registerOpenConnections(IntSupplier open) {
        GaugeWithCallback.builder()
                .name("modvault_open_connections")
                .help("Client connections admitted and still open")
                .callback(cb -> cb.call(open.getAsInt()))
                .register(registry);
    }

    public void connectionRejected(String reason) {
        connectionsRejected.labelValues(reason).inc();
    }

    public void diskFull() {
        diskFull.inc();
    }

    private void callbackCounter(String name, String help, LongSupplier value) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(cb -> cb.call(value.getAsLong()))
                .register(registry);
    }

    public void record(String kind, CacheOutcome outcome, int status, long bodyBytes, long nanos) {
        requests.labelValues(kind, outcome.name(), (status / 100) + "xx").inc();
        bytes.labelValues(kind).inc(bodyBytes);
        latency.labelValues(kind).observe(nanos / 1e9);
    }

    /** The registry, for components that add their own metrics. */
    public PrometheusRegistry registry() {
        return registry;
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing metrics", e);
        }
        return out.toByteArray();
    }
}
