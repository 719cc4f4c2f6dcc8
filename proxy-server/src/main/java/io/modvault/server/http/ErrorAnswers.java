package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.storage.DiskFull;
import io.modvault.server.connection.RateLimitedWarning;
import io.modvault.server.metrics.ProxyMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers for requests whose work threw, shared by every connection of a server. The body never
 * carries exception text, stack frames or local paths: a full disk is a 507 with a fixed line
 * (counted in {@code modvault_disk_full_total}, logged with the detail at most once a minute,
 * without a stack trace); anything else is a 500 naming a short incident id, which the WARN
 * line that carries the detail and the stack trace also names.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    static final String DISK_FULL = "insufficient storage: modvault's disk is full; retry once space is freed";
    private final ProxyMetrics metrics;
    private final RateLimitedWarning diskFullWarning;

    ErrorAnswers(ProxyMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.diskFullWarning = new RateLimitedWarning(
                clock, Duration.ofMinutes(1), line -> LOG.warn("disk full, answering 507: {}", line));
    }

    PreparedResponse answer(RequestContext rc, Throwable error) {
        if (DiskFull.causedBy(error)) {
            metrics.diskFull();
            diskFullWarning.record("requests", rc.method() + " " + rc.uri() + ": " + causeChain(error));
            return Responses.error(507, DISK_FULL, CacheOutcome.NONE, false);
        }
        String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.warn("request {} {} failed unexpectedly (incident {})", rc.method(), rc.uri(), incident, error);
        return Responses.error(
                500,
                "internal error (incident " + incident + "; the server log has the detail)",
                CacheOutcome.NONE,
                false);
    }

    /** The messages of the cause chain on one line, for the log only. */
    static String causeChain(Throwable error) {
        StringBuilder line = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            line.append(line.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(Responses.oneLine(t.getMessage()));
            }
        }
        return line.toString();
    }
}
