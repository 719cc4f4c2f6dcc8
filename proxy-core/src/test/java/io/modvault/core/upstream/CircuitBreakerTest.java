package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.MutableClock;
import io.modvault.core.upstream.CircuitBreaker.State;
import io.modvault.core.upstream.UpstreamResult.Failed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The per-upstream circuit breaker's state machine, driven by a hand-set clock (no sleeping). */
class CircuitBreakerTest {

    private static final String NAME = "https://proxy.example";
    private static final String PATH = "example.com/m/@v/list";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CircuitBreakers breakers = new CircuitBreakers(clock);
    private final CountingUpstream upstream = new CountingUpstream();
    private final UpstreamClient guarded = breakers.guard(upstream);

    private CircuitBreaker breaker() {
        return breakers.all().iterator().next();
    }

    private void failTimes(int n) {
        upstream.answer = () -> new Failed<>(NAME, "503 Service Unavailable from " + NAME, false, true);
        for (int i = 0; i < n; i++) {
            guarded.fetchBytes(PATH, 100);
        }
    }

    @Test
    void opensAfterFiveConsecutiveFailuresAndThenFailsFastWithoutAsking() {
        failTimes(4);
        assertThat(breaker().state()).isEqualTo(State.CLOSED);
        failTimes(1);
        assertThat(breaker().state()).isEqualTo(State.OPEN);

        UpstreamResult<byte[]> fast = guarded.fetchBytes(PATH, 100);

        assertThat(upstream.calls.get()).isEqualTo(5);
        assertThat(fast).isInstanceOf(Failed.class);
        Failed<byte[]> failed = (Failed<byte[]>) fast;
        assertThat(failed.upstream()).isEqualTo(NAME);
        assertThat(failed.unavailable()).isFalse();
        assertThat(failed.timedOut()).isFalse();
        assertThat(failed.reason())
                .isEqualTo("upstream marked down after 5 consecutive failures, next try in 1 s"
                        + " (last: 503 Service Unavailable from " + NAME + ")");
        assertThat(breaker().shortCircuited()).isEqualTo(1);
        assertThat(breaker().failures()).isEqualTo(5);
    }

    @Test
    void timeoutsOpenItToo_andShortCircuitedRequestsReportATimeout() {
        upstream.answer = () -> new Failed<>(NAME, "timed out", true);
        for (int i = 0; i < 5; i++) {
            guarded.fetchBytes(PATH, 100);
        }

        assertThat(((Failed<byte[]>) guarded.fetchBytes(PATH, 100)).timedOut()).isTrue();
    }

    @Test
    void notFoundRefusalsAndLocalLimitsNeitherCountNorOpenIt() {
        List<Supplier<UpstreamResult<byte[]>>> healthy = List.of(
                () -> new UpstreamResult.NotFound<>(NAME, 404, "not found"),
                () -> new UpstreamResult.Refused<>(NAME, 403, "forbidden"),
                () -> new Failed<>(NAME, "body exceeds the limit of 100 bytes", false));
        for (int round = 0; round < 3; round++) {
            for (Supplier<UpstreamResult<byte[]>> answer : healthy) {
                upstream.answer = answer;
                guarded.fetchBytes(PATH, 100);
            }
        }

        assertThat(breaker().state()).isEqualTo(State.CLOSED);
        assertThat(breaker().failures()).isZero();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        failTimes(4);
        upstream.answer = () -> new UpstreamResult.Found<>(NAME, new byte[0]);
        guarded.fetchBytes(PATH, 100);
        failTimes(4);

        assertThat(breaker().state()).isEqualTo(State.CLOSED);
    }

    @Test
    void afterTheBackoffOneProbeGoesThroughAndItsSuccessClosesTheBreaker() {
        failTimes(5);
        clock.advance(Duration.ofMillis(999));
        guarded.fetchBytes(PATH, 100);
        assertThat(upstream.calls.get()).isEqualTo(5);

        clock.advance(Duration.ofMillis(1));
        List<UpstreamResult<byte[]>> duringProbe = new ArrayList<>();
        upstream.answer = () -> {
            duringProbe.add(guarded.fetchBytes(PATH, 100)); // a concurrent miss while the probe is out
            return new UpstreamResult.Found<>(NAME, new byte[0]);
        };
        UpstreamResult<byte[]> probe = guarded.fetchBytes(PATH, 100);

        assertThat(probe).isInstanceOf(UpstreamResult.Found.class);
        assertThat(duringProbe).singleElement().isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) duringProbe.getFirst()).reason()).contains("a probe is under way");
        assertThat(upstream.calls.get()).isEqualTo(6);
        assertThat(breaker().state()).isEqualTo(State.CLOSED);
    }

    @Test
    void eachFailedProbeDoublesTheBackoffUpToOneMinute() {
        failTimes(5);
        List<Long> waits = new ArrayList<>();
        for (int probe = 0; probe < 8; probe++) {
            int before = upstream.calls.get();
            long waited = 0;
            while (upstream.calls.get() == before && waited < 200) {
                clock.advance(Duration.ofSeconds(1));
                waited++;
                guarded.fetchBytes(PATH, 100); // refused until the back-off is over, then the probe fails
            }
            waits.add(waited);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void aProbeThatEndsWithoutAVerdictLetsTheNextCallerProbe() {
        failTimes(5);
        clock.advance(Duration.ofSeconds(1));
        upstream.answer = () -> {
            throw new IllegalStateException("local failure");
        };
        try {
            guarded.fetchBytes(PATH, 100);
        } catch (IllegalStateException expected) {
            // the local failure propagates
        }
        upstream.answer = () -> new UpstreamResult.Found<>(NAME, new byte[0]);

        assertThat(guarded.fetchBytes(PATH, 100)).isInstanceOf(UpstreamResult.Found.class);
        assertThat(breaker().state()).isEqualTo(State.CLOSED);
    }

    @Test
    void upstreamsWithTheSameNameShareOneBreaker() {
        failTimes(5);
        UpstreamClient sameServerOtherChain = breakers.guard(new CountingUpstream());

        assertThat(sameServerOtherChain.fetchBytes(PATH, 100)).isInstanceOf(Failed.class);
        assertThat(breakers.all()).hasSize(1);
    }

    private static final class CountingUpstream implements UpstreamClient {
        final AtomicInteger calls = new AtomicInteger();
        volatile Supplier<UpstreamResult<byte[]>> answer = () -> new UpstreamResult.Found<>(NAME, new byte[0]);

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
            calls.incrementAndGet();
            return answer.get();
        }

        @Override
        public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
            throw new UnsupportedOperationException();
        }
    }
}
