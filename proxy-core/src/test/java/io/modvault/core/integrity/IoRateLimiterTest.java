package io.modvault.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.storage.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scrub's I/O limit, driven by a clock that only the limiter's own waits move. */
class IoRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final IoRateLimiter.Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };

    @Test
    void readingTenMegabytesAtOneMegabytePerSecondTakesNineSecondsAfterTheFirstRead() throws Exception {
        IoRateLimiter limiter = new IoRateLimiter(1 << 20, clock, sleeper);
        Instant start = clock.instant();

        for (int i = 0; i < 160; i++) {
            limiter.beforeRead(64 * 1024);
        }

        assertThat(Duration.between(start, clock.instant()))
                .isEqualTo(Duration.ofMillis(9_937).plusNanos(500_000));
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() throws Exception {
        IoRateLimiter limiter = new IoRateLimiter(1000, clock, sleeper);
        limiter.beforeRead(1000);
        clock.advance(Duration.ofHours(1));

        limiter.beforeRead(1000);
        limiter.beforeRead(1000);

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRateOfZeroIsRefused() {
        assertThatThrownBy(() -> new IoRateLimiter(0, Clock.systemUTC(), IoRateLimiter.Sleeper.REAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
