package io.modvault.server.metrics;

import io.modvault.core.fetch.CacheOutcome;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's metrics registry, exposed at {@code /metrics} in the Prometheus text format:
 * requests by kind, cache outcome and status class, response bytes, and request latency.
 * One registry per server instance (never the global default), so tests can run servers side
 * by side.
 */
public final class ProxyMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("modvault_requests_total")
            .help("Requests answered, by artifact kind, cache outcome and status class")
            .labelNames("kind", "outcome", "status").register(registry);
    private final Counter bytes = Counter.builder().name("modvault_response_bytes_total")
            .help("Response body bytes sent, by artifact kind").labelNames("kind").register(registry);
    private final Histogram latency = Histogram.builder().name("modvault_request_duration_seconds")
            .help("Time from request to the last byte written, by artifact kind").labelNames("kind").register(registry);

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
