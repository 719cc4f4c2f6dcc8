package io.modvault.server.http;

import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.server.metrics.ProxyMetrics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every channel's handler shares: the proxy algorithm, the executor that runs blocking
 * work (virtual threads), metrics, the clock, and the count of requests in flight that graceful
 * shutdown waits for, the size of the in-memory cache of small answers (0 disables it), the access log,
 * and the stored versions that {@code GET /index} lists.
 */
public record ProxyServices(
        ModuleProxy proxy,
        ExecutorService blockingExecutor,
        ProxyMetrics metrics,
        Clock clock,
        AtomicInteger inFlight,
        long memoryCacheBytes,
        AccessLog accessLog,
        StoredVersions storedVersions) {}
