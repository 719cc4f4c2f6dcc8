package io.modvault.core.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one upstream, so that while it is down requests fail at once instead of each
 * paying a full timeout. {@value #FAILURE_THRESHOLD} consecutive failures (unreachable, timed
 * out, 5xx) open it for a back-off that starts at {@link #FIRST_BACKOFF} and doubles up to
 * {@link #MAX_BACKOFF}; when the back-off has passed one request at a time is let through as a
 * probe (half-open): success closes it, failure opens it again for twice as long. A request that
 * ends without a verdict (interrupted, a local disk error) lets the next caller probe.
 * Transitions are logged once each, without stack traces.
 */
public final class CircuitBreaker {

    /** The gauge values of {@code modvault_upstream_state}: 0 closed, 1 open, 2 half-open. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /** Permission for one request; {@code probe} is the single request of a half-open breaker. */
    public record Permit(boolean probe) {}

    static final int FAILURE_THRESHOLD = 5;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String upstream;
    private final Clock clock;
    private final LongAdder failures = new LongAdder();
    private final LongAdder shortCircuited = new LongAdder();
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration backoff = FIRST_BACKOFF;
    private Instant retryAt = Instant.MIN;
    private String lastFailure = "";
    private boolean lastTimedOut;

    public CircuitBreaker(String upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    public String upstream() {
        return upstream;
    }

    /** A permit to call the upstream, or empty while it is marked down (see {@link #rejection()}). */
    public synchronized Optional<Permit> tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return Optional.of(new Permit(false));
            }
            case OPEN -> {
                if (clock.instant().isBefore(retryAt)) {
                    break;
                }
                state = State.HALF_OPEN;
                return Optional.of(new Permit(true));
            }
            case HALF_OPEN -> {}
        }
        shortCircuited.increment();
        return Optional.empty();
    }

    /** Why a request was refused without asking, in one line. */
    public synchronized String rejection() {
        Duration left = Duration.between(clock.instant(), retryAt);
        String when = state == State.HALF_OPEN || left.isNegative()
                ? "a probe is under way"
                : "next try in " + Math.max(1, left.toSeconds()) + " s";
        return "upstream marked down after " + FAILURE_THRESHOLD + " consecutive failures, " + when + " (last: "
                + lastFailure + ")";
    }

    /** Whether the failures that opened the breaker were timeouts (504 rather than 502). */
    public synchronized boolean lastFailureTimedOut() {
        return lastTimedOut;
    }

    public synchronized void succeeded(Permit permit) {
        if (state == State.CLOSED) {
            consecutiveFailures = 0;
        } else if (permit.probe()) {
            LOG.info("upstream {} is back: closing its circuit breaker", upstream);
            state = State.CLOSED;
            consecutiveFailures = 0;
            backoff = FIRST_BACKOFF;
        }
    }

    public synchronized void failed(Permit permit, String reason, boolean timedOut) {
        failures.increment();
        lastFailure = reason;
        lastTimedOut = timedOut;
        if (state == State.CLOSED && ++consecutiveFailures >= FAILURE_THRESHOLD) {
            open();
            LOG.warn(
                    "upstream {} marked down after {} consecutive failures, retrying in {} s (last: {})",
                    upstream,
                    FAILURE_THRESHOLD,
                    backoff.toSeconds(),
                    reason);
        } else if (permit.probe()) {
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            open();
            LOG.info("upstream {} still down, retrying in {} s (last: {})", upstream, backoff.toSeconds(), reason);
        }
    }

    /** The request ended without saying anything about the upstream's health. */
    public synchronized void abandoned(Permit permit) {
        if (permit.probe() && state == State.HALF_OPEN) {
            state = State.OPEN;
            retryAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Requests that found the upstream unwell (unreachable, timed out, 5xx). */
    public long failures() {
        return failures.sum();
    }

    /** Requests refused without asking because the breaker was open. */
    public long shortCircuited() {
        return shortCircuited.sum();
    }

    private void open() {
        state = State.OPEN;
        retryAt = clock.instant().plus(backoff);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
